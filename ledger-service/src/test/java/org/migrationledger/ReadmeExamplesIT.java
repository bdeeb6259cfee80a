package org.migrationledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.migrationledger.docs.BashRun;

/**
 * The README's "A pipeline's first minutes" and "Reading the ledger" run as written, in bash, against the started
 * service: the tokens and the URL come in the variables the README names, and each curl's status is checked.
 */
class ReadmeExamplesIT extends LedgerServiceIT {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern STATUS = Pattern.compile("^HTTP_STATUS (\\d{3})$", Pattern.MULTILINE);

    /** Reports every curl's status on stderr, leaving its output where the README sends it. */
    private static final String STATUS_REPORTING_CURL = """
            set -euo pipefail
            curl() { command curl -w '%{stderr}HTTP_STATUS %{http_code}\\n' "$@"; }
            """;

    @TempDir
    Path directory;

    @Test
    void theFirstMinutesAndTheReadsRunAsWritten() throws Exception {
        BashRun writes = bash(STATUS_REPORTING_CURL + bashBlocks("## A pipeline's first minutes"));

        assertThat(writes.exitCode()).as(writes.stderr()).isZero();
        assertThat(statuses(writes)).as(writes.stdout()).containsExactly(201, 201, 201, 200, 201);
        assertThat(writes.stdout()).contains("\"allowed\":true").doesNotContain("\"type\":\"https://migrationledger");
        // The reads that follow are what a person types a moment later: by then the read models hold the writes.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(auditedEvents()).isGreaterThanOrEqualTo(4);
            assertThat(get("/api/v1/databases/wishlist/environments/ci/versions", "audrey")
                            .body()
                            .path("currentVersion")
                            .asText())
                    .isEqualTo("1.7.0");
        });

        BashRun reads = bash(STATUS_REPORTING_CURL + bashBlocks("## Reading the ledger"));

        assertThat(reads.exitCode()).as(reads.stderr()).isZero();
        assertThat(statuses(reads)).as(reads.stdout()).containsExactly(200, 200, 200, 200, 200, 200, 200);
        assertThat(reads.stdout()).contains("\"currentVersion\":\"1.7.0\"");
        assertThat(Files.readString(directory.resolve("audit.csv"))).contains("MigrationApplied");
    }

    private int auditedEvents() {
        return get("/api/v1/audit/events?database=wishlist", "audrey")
                .body()
                .path("events")
                .size();
    }

    private static String bashBlocks(String heading) throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README section " + heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        Matcher blocks = BASH_BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        StringBuilder script = new StringBuilder();
        while (blocks.find()) {
            script.append(blocks.group(1)).append('\n');
        }
        assertThat(script).as("bash blocks of " + heading).isNotEmpty();
        return script.toString();
    }

    private BashRun bash(String script) throws IOException, InterruptedException {
        Map<String, String> variables = new HashMap<>(documentedVariables());
        variables.putAll(Map.of("CI_JOB_ID", "4711", "CI_JOB_URL", "https://ci.example.com/jobs/4711"));
        return BashRun.of(directory, script, variables, Duration.ofMinutes(2));
    }

    private static List<Integer> statuses(BashRun run) {
        List<Integer> statuses = new ArrayList<>();
        Matcher matcher = STATUS.matcher(run.stderr());
        while (matcher.find()) {
            statuses.add(Integer.valueOf(matcher.group(1)));
        }
        return statuses;
    }
}
