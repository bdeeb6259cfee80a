package org.migrationledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {

    @TempDir
    Path directory;

    private final MovableClock clock = new MovableClock();

    @Test
    void authenticatesByTheHashOfTheToken() throws IOException {
        TokenFile tokens = tokenFile(
                "# operators",
                "",
                "ci pipeline " + TokenFile.sha256("secret-1"),
                "dora dba,approver " + TokenFile.sha256("secret-2"));

        assertThat(tokens.authenticate("secret-1")).contains(new TokenFile.Caller("ci", Set.of(Role.PIPELINE)));
        assertThat(tokens.authenticate("secret-2").orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.DBA, Role.APPROVER);
        assertThat(tokens.authenticate("secret-3")).isEmpty();
        assertThat(tokens.authenticate(TokenFile.sha256("secret-1")))
                .as("the hash itself is no token")
                .isEmpty();
    }

    @Test
    void namesEveryMalformedLine() {
        assertThatThrownBy(() -> tokenFile(
                        "ci pipeline " + TokenFile.sha256("a"),
                        "bob approver not-a-hash",
                        "eve wizard " + TokenFile.sha256("b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("line 3")
                .hasMessageNotContaining("line 1");
    }

    @Test
    void picksUpAnEditedFileAndKeepsTheLastGoodOneWhenAnEditBreaksIt() throws IOException {
        Path file = directory.resolve("tokens.txt");
        Files.write(file, List.of("ci pipeline " + TokenFile.sha256("old")));
        TokenFile tokens = new TokenFile(new SecuritySettings(file), clock);

        rewrite(file, List.of("ci pipeline " + TokenFile.sha256("new")), 10);
        assertThat(tokens.authenticate("old"))
                .as("not re-read within the check interval")
                .isPresent();
        clock.advance(Duration.ofSeconds(3));
        assertThat(tokens.authenticate("new")).isPresent();
        assertThat(tokens.authenticate("old")).isEmpty();

        rewrite(file, List.of("broken line"), 20);
        clock.advance(Duration.ofSeconds(3));
        assertThat(tokens.authenticate("new")).isPresent();
    }

    private TokenFile tokenFile(String... lines) throws IOException {
        Path file = Files.write(directory.resolve("tokens.txt"), List.of(lines));
        return new TokenFile(new SecuritySettings(file), clock);
    }

    private static void rewrite(Path file, List<String> lines, int secondsLater) throws IOException {
        Files.write(file, lines);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsLater)));
    }
}
