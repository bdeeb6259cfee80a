package org.migrationledger.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.LedgerServiceIT;

/**
 * The API guide's examples, every bash block in order in one shell against the started service, each {@code curl}
 * answering and each {@code ledger} exiting with what the {@code # →} line below it promises. {@code ledger} is the
 * shaded {@code ledger-client.jar} the build packages, run as {@code java -jar} the way the guide says.
 */
class ApiGuideExamplesIT extends LedgerServiceIT {

    private static final Path GUIDE = Path.of("..", "docs", "operations", "API-GUIDE.md");
    private static final Pattern BASH_BLOCK =
            Pattern.compile("^```bash\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern PROMISE = Pattern.compile("^# → (\\d{3}|exit \\d)$", Pattern.MULTILINE);
    private static final Pattern OUTCOME = Pattern.compile("^OUTCOME (\\d{3}|exit \\d)$", Pattern.MULTILINE);

    /** Each curl and ledger reports its outcome on stderr; output goes where the guide sends it. */
    private static final String REPORTING = """
            set -euo pipefail
            curl() { command curl -w '%{stderr}OUTCOME %{http_code}\\n' "$@"; }
            ledger() {
              local status=0
              java -XX:TieredStopAtLevel=1 -jar "$LEDGER_CLIENT_JAR" "$@" || status=$?
              echo "OUTCOME exit $status" >&2
            }
            """;

    @TempDir
    Path directory;

    @Test
    void everyExampleAnswersAsTheGuidePromises() throws Exception {
        String script = bashBlocks();
        List<String> promised = matches(PROMISE, script);
        assertThat(promised).as("promised outcomes in " + GUIDE).hasSizeGreaterThan(20);

        BashRun run = bash(REPORTING + script);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(matches(OUTCOME, run.stderr()))
                .as("outcomes of the guide's commands, in order\n" + run)
                .containsExactlyElementsOf(promised);
        assertThat(run.stdout())
                .contains("\"breaking\":true", "\"rule\":\"drop-column\"", "\"allowed\":true")
                .contains(
                        "version-collision",
                        "CHECKSUM_MISMATCH",
                        "NOT_PROPOSED",
                        "\"requiredRoles\"",
                        "\"fullyApproved\":true");
        assertThat(run.stdout())
                .as("the retried report is answered, not recorded again")
                .doesNotContain("ALREADY_APPLIED");
        assertThat(Files.readString(directory.resolve("audit.csv"))).contains("MigrationApplied");
    }

    /** The shaded jar ledger-client packages before this module's tests ({@code -Dledger.client.jar}). */
    private static Path clientJar() {
        Path jar = Path.of(System.getProperty("ledger.client.jar", "../ledger-client/target/ledger-client.jar"));
        assertThat(jar)
                .as("ledger-client.jar (built by ledger-client's package phase)")
                .isRegularFile();
        return jar.toAbsolutePath();
    }

    private static String bashBlocks() throws IOException {
        Matcher blocks = BASH_BLOCK.matcher(Files.readString(GUIDE));
        StringBuilder script = new StringBuilder();
        while (blocks.find()) {
            script.append(blocks.group(1)).append('\n');
        }
        return script.toString();
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private BashRun bash(String script) throws IOException, InterruptedException {
        Map<String, String> variables = new HashMap<>(documentedVariables());
        variables.put("LEDGER_CLIENT_JAR", clientJar().toString());
        return BashRun.of(directory, script, variables, Duration.ofMinutes(5));
    }
}
