package org.migrationledger.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.LedgerServiceIT;

/**
 * The API guide's examples, every bash block in order in one shell against the started service, each {@code curl}
 * answering and each {@code ledger} exiting with what the {@code # →} line below it promises. {@code ledger} is the
 * real command line in a JVM of its own, as {@code bin/ledger} runs it.
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
              java -XX:TieredStopAtLevel=1 -cp "$LEDGER_CLIENT_CLASSPATH" org.migrationledger.client.cli.LedgerCli "$@" \
                || status=$?
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

        Run run = bash(REPORTING + script);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(matches(OUTCOME, run.stderr()))
                .as("outcomes of the guide's commands, in order\n" + run)
                .containsExactlyElementsOf(promised);
        assertThat(run.stdout())
                .contains("\"breaking\":true", "\"rule\":\"drop-column\"", "\"allowed\":true")
                .contains("version-collision", "CHECKSUM_MISMATCH", "\"requiredRoles\"", "\"fullyApproved\":true");
        assertThat(Files.readString(directory.resolve("audit.csv"))).contains("MigrationApplied");
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

    private Run bash(String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(directory.toFile());
        builder.environment()
                .putAll(Map.of(
                        "LEDGER_URL", "http://localhost:" + port,
                        "ADMIN_TOKEN", tokenOf("admin"),
                        "PROPOSER_TOKEN", tokenOf("alice"),
                        "APPROVER_TOKEN", tokenOf("carol"),
                        "DBA_TOKEN", tokenOf("dora"),
                        "PIPELINE_TOKEN", tokenOf("ci"),
                        "AUDITOR_TOKEN", tokenOf("audrey"),
                        "LEDGER_CLIENT_CLASSPATH", System.getProperty("java.class.path")));
        builder.environment().remove("LEDGER_TOKEN");
        Path out = directory.resolve("stdout.txt");
        Path err = directory.resolve("stderr.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as("the guide's commands finish")
                .isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String stdout, String stderr) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
