package org.migrationledger.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.pipeline.Cli.Result;
import org.migrationledger.testsupport.FreshDatabase;

/** The pipeline client's commands, run in-process against the running service, with the exit codes a CI reads. */
class PipelineCliIT extends LedgerServiceIT {

    private static final String CREATE_ITEMS = "create table items (id bigint primary key, name text);\n";
    private static final String DROP_NAME = "alter table items drop column name;\n";

    @TempDir
    Path work;

    private Cli cli;
    private Path migrations;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli("http://localhost:" + port);
        migrations = Files.createDirectories(work.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__create_items.sql"), CREATE_ITEMS);
        Files.writeString(migrations.resolve("U1__create_items.sql"), "drop table items;\n");
        Files.writeString(migrations.resolve("V2__drop_name.sql"), DROP_NAME);
    }

    @Test
    void everyCommandAnswersHelp() {
        for (String command : new String[] {
            "register",
            "propose",
            "approve",
            "revise",
            "gate",
            "record-apply",
            "record-rollback",
            "snapshot",
            "import",
            "analyze",
            "flush",
            "withdraw",
            "supersede"
        }) {
            Result help = cli.run(null, command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: ledger " + command);
        }
        assertThat(cli.run(null, "--help").out()).contains("Exit codes: 0 ok; 1 gate refused");
    }

    @Test
    void versionNamesTheClientAndTheLedgerItTalksTo() {
        Result version = cli.run(null, "--version");

        assertThat(version.exit()).isZero();
        assertThat(version.out())
                .startsWith("ledger-client ")
                .contains("ledger at http://localhost:" + port
                        + ": migration ledger 0.1.0-SNAPSHOT, external PostgreSQL");
        assertThat(new Cli("http://127.0.0.1:1").run(null, "--version").out())
                .contains("ledger at http://127.0.0.1:1: unreachable");
    }

    @Test
    void registersProposesApprovesAsksTheGateAndRecordsFacts() {
        assertThat(cli.run("admin", "register", "shop", "--environments", "ci,staging,production"))
                .satisfies(r -> assertThat(r.exit()).as(r.toString()).isZero())
                .satisfies(r -> assertThat(r.out()).contains("Registered shop (ci → staging → production)"));

        Result proposed = cli.run("alice", "propose", "shop", migrations.toString());
        assertThat(proposed.exit()).as(proposed.toString()).isZero();
        assertThat(proposed.out())
                .contains("Proposed 0001_create_items 1.0.0 (non-breaking")
                .contains("Proposed 0002_drop_name 2.0.0 (breaking")
                .contains("Proposed 2, already proposed 0");
        Result again = cli.run("alice", "propose", "shop", migrations.toString());
        assertThat(again.out()).as(again.toString()).contains("Proposed 0, already proposed 2");
        assertThat(again.exit()).isZero();

        Result approved = cli.run("carol", "approve", "shop", "--dir", migrations.toString());
        assertThat(approved.exit()).as(approved.toString()).isZero();
        assertThat(approved.out())
                .contains("Approved 0001_create_items (fully approved)")
                .contains("Approved 0002_drop_name (2 approvals required)");
        assertThat(cli.run("dora", "approve", "shop", "0002_drop_name").out())
                .contains("Approved 0002_drop_name (fully approved)");

        Result refused = cli.run("ci", "gate", "shop", "staging", "0001_create_items");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out())
                .contains("REFUSED 0001_create_items in staging:")
                .contains("  PREVIOUS_ENVIRONMENT");
        Result allowed = cli.run(
                "ci",
                "gate",
                "shop",
                "ci",
                "--file",
                migrations.resolve("V1__create_items.sql").toString());
        assertThat(allowed.exit()).as(allowed.toString()).isZero();
        assertThat(allowed.out()).contains("ALLOWED 0001_create_items in ci");
        Result batch = cli.run("ci", "gate", "shop", "ci", "--file", migrations.toString());
        assertThat(batch.exit()).as(batch.toString()).isZero();
        assertThat(batch.out())
                .contains("ALLOWED 0001_create_items in ci")
                .contains("ALLOWED 0002_drop_name in ci (after the 1 before it in this run)");

        Result applied = cli.run(
                "ci",
                "record-apply",
                "shop",
                "ci",
                "V1__create_items.sql",
                "--file",
                migrations.resolve("V1__create_items.sql").toString(),
                "--duration-ms",
                "42",
                "--spool-dir",
                work.resolve("spool").toString());
        assertThat(applied.exit()).as(applied.toString()).isZero();
        assertThat(applied.out()).contains("RECORDED succeeded V1__create_items.sql in ci (within policy)");
        assertThat(cli.run("ci", "gate", "shop", "ci", "--file", migrations.toString())
                        .out())
                .contains("APPLIED 0001_create_items in ci already")
                .contains("ALLOWED 0002_drop_name in ci\n");

        Result outOfOrder = cli.run(
                "ci",
                "record-apply",
                "shop",
                "production",
                "0002_drop_name",
                "--file",
                migrations.resolve("V2__drop_name.sql").toString(),
                "--spool-dir",
                work.resolve("spool").toString());
        assertThat(outOfOrder.exit()).as(outOfOrder.toString()).isEqualTo(1);
        assertThat(outOfOrder.out()).contains("with policy violations:").contains("PREVIOUS_ENVIRONMENT");

        Result rolledBack = cli.run(
                "ci",
                "record-rollback",
                "shop",
                "ci",
                "0001_create_items",
                "--reason",
                "smoke test failed",
                "--spool-dir",
                work.resolve("spool").toString());
        assertThat(rolledBack.out()).as(rolledBack.toString()).contains("RECORDED rolled back 0001_create_items in ci");
    }

    @Test
    void withdrawsAndSupersedesMigrationsThatAreNoLongerMeantToRun() {
        cli.run("admin", "register", "ended");
        cli.run("alice", "propose", "ended", migrations.toString());

        Result notProposer = cli.run("bob", "withdraw", "ended", "0002_drop_name", "--reason", "mine");
        Result withdrawn = cli.run("alice", "withdraw", "ended", "V2__drop_name", "--reason", "not needed");
        Result gate = cli.run("ci", "gate", "ended", "ci", "0002_drop_name");
        Result unknown = cli.run("alice", "supersede", "ended", "0001_create_items", "0009_nothing", "--reason", "x");
        Result noReason = cli.run("alice", "supersede", "ended", "0001_create_items", "0002_drop_name");

        assertThat(notProposer.exit()).as(notProposer.toString()).isEqualTo(1);
        assertThat(notProposer.err()).contains("not-proposer");
        assertThat(withdrawn.exit()).as(withdrawn.toString()).isZero();
        assertThat(withdrawn.out()).contains("Withdrew V2__drop_name.");
        assertThat(gate.out()).as(gate.toString()).contains("WITHDRAWN");
        assertThat(unknown.exit()).as(unknown.toString()).isNotZero();
        assertThat(unknown.err()).contains("replacementMigrationId");
        assertThat(noReason.exit()).isEqualTo(2);
    }

    @Test
    void refusalsAndBadInputAndAnUnreachableLedgerHaveTheirOwnExitCodes() {
        cli.run("admin", "register", "refusals");
        cli.run(
                "bob",
                "propose",
                "refusals",
                migrations.resolve("V1__create_items.sql").toString());

        Result selfApproval = cli.run("bob", "approve", "refusals", "0001_create_items");
        assertThat(selfApproval.exit()).as(selfApproval.toString()).isEqualTo(1);
        assertThat(selfApproval.err()).contains("self-approval");

        assertThat(cli.run(null, "gate", "refusals", "ci", "0001_create_items").exit())
                .isEqualTo(2);
        assertThat(cli.run("ci", "gate", "refusals", "nowhere", "0001_create_items")
                        .exit())
                .isEqualTo(2);
        assertThat(cli.run("ci", "gate", "refusals").exit()).isEqualTo(2);
        assertThat(cli.run("ci", "no-such-command").exit()).isEqualTo(2);

        Result unreachable = new Cli("http://127.0.0.1:1")
                .run("ci", "gate", "refusals", "ci", "0001_create_items", "--attempts", "1");
        assertThat(unreachable.exit()).isEqualTo(3);
        assertThat(unreachable.err()).contains("unreachable");
    }

    @Test
    void aFactReportedWhileTheLedgerIsDownIsSpooledAndDeliveredByFlush() {
        cli.run("admin", "register", "spooled");
        cli.run("alice", "propose", "spooled", migrations.toString());
        String spool = work.resolve("spool").toString();
        Cli down = new Cli("http://127.0.0.1:1");

        Result spooled = down.run("ci", applyWhileDown("spooled", spool));
        assertThat(spooled.exit()).as(spooled.toString()).isZero();
        assertThat(spooled.err()).contains("SPOOLED succeeded 0001_create_items in local");
        assertThat(down.run("ci", "flush", "--spool-dir", spool, "--attempts", "1")
                        .exit())
                .isEqualTo(3);

        Result flushed = cli.run("ci", "flush", "--spool-dir", spool);
        assertThat(flushed.exit()).as(flushed.toString()).isZero();
        assertThat(flushed.out()).contains("Delivered 1, refused 0, still waiting 0");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(get("/api/v1/databases/spooled/environments/local/versions", "audrey")
                                .body()
                                .path("currentVersion")
                                .asText())
                        .isEqualTo("1.0.0"));
    }

    @Test
    void reportsTheLedgerRefusedAreSentAgainByFlushRefusedOnceTheCauseIsFixed() {
        // A fact about an environment outside the path is refused (a typo must not create an environment); adding the
        // environment to the path fixes the cause.
        cli.run("admin", "register", "refusedfix", "--environments", "ci,staging");
        String spool = work.resolve("refused-spool").toString();
        Cli down = new Cli("http://127.0.0.1:1");
        expectExit(0, down.run("ci", applyWhileDown("refusedfix", spool)));
        Result flushed = cli.run("ci", "flush", "--spool-dir", spool);
        assertThat(flushed.out()).as(flushed.toString()).contains("refused 1").contains("ledger flush --refused");

        expectExit(0, cli.run("alice", "propose", "refusedfix", migrations.toString()));
        expectExit(0, cli.run("admin", "register", "refusedfix", "--environments", "local,ci,staging"));
        Result replayed = cli.run("ci", "flush", "--refused", "--spool-dir", spool);

        assertThat(replayed.exit()).as(replayed.toString()).isZero();
        assertThat(replayed.out())
                .contains("Refused earlier: ")
                .contains("not in the promotion path")
                .contains("delivered 1, refused again 0");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(get("/api/v1/databases/refusedfix/environments/local/versions", "audrey")
                                        .body()
                                        .path("currentVersion")
                                        .asText())
                                .isEqualTo("1.0.0"));
        assertThat(cli.run("ci", "flush", "--refused", "--spool-dir", spool).out())
                .contains("No refused reports");
    }

    @Test
    void aDirectoryWithoutMigrationsIsSaidSoAndAnEditedScriptIsRevised() throws IOException {
        Path empty = Files.createDirectories(work.resolve("empty"));
        Result nothing = cli.run("alice", "propose", "edited", empty.toString());
        assertThat(nothing.exit()).as(nothing.toString()).isEqualTo(2);
        assertThat(nothing.err()).contains("No migrations of dialect postgres in " + empty);
        Result noGate = cli.run("ci", "gate", "edited", "ci", "--file", empty.toString());
        assertThat(noGate.exit()).as(noGate.toString()).isEqualTo(2);
        assertThat(noGate.err()).contains("No migrations").doesNotContain("pass --file");

        cli.run("admin", "register", "edited", "--environments", "ci,staging");
        expectExit(0, cli.run("alice", "propose", "edited", migrations.toString()));
        Files.writeString(migrations.resolve("V1__create_items.sql"), CREATE_ITEMS + "create index on items (name);\n");
        Result edited = cli.run("alice", "propose", "edited", migrations.toString());
        assertThat(edited.exit()).as(edited.toString()).isEqualTo(1);
        assertThat(edited.err()).contains("post a revision instead").contains("ledger revise edited");

        Result revised = cli.run(
                "alice",
                "revise",
                "edited",
                migrations.resolve("V1__create_items.sql").toString(),
                "--reason",
                "index");
        assertThat(revised.exit()).as(revised.toString()).isZero();
        assertThat(revised.out()).contains("Revised 0001_create_items").contains("needs its approvals again");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(cli.run("alice", "propose", "edited", migrations.toString())
                                .out())
                        .contains("Proposed 0, already proposed 2"));
    }

    /** record-apply of 0001_create_items in local, sent once: to an unreachable ledger it is spooled. */
    private String[] applyWhileDown(String database, String spool) {
        return new String[] {
            "record-apply",
            database,
            "local",
            "0001_create_items",
            "--file",
            migrations.resolve("V1__create_items.sql").toString(),
            "--spool-dir",
            spool,
            "--attempts",
            "1"
        };
    }

    private static void expectExit(int expected, Result result) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(expected);
    }

    @Test
    void snapshotAndAnalyzeReadARealDatabase() throws SQLException {
        cli.run("admin", "register", "observed");
        try (FreshDatabase target = FreshDatabase.create("cli_snapshot")) {
            try (Connection connection = target.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute(CREATE_ITEMS);
            }
            Result snapshot = cli.run(
                    "ci",
                    "snapshot",
                    "observed",
                    "staging",
                    "--jdbc-url",
                    target.jdbcUrl(),
                    "--jdbc-user",
                    target.user(),
                    "--spool-dir",
                    work.resolve("spool").toString());
            assertThat(snapshot.exit()).as(snapshot.toString()).isZero();
            assertThat(snapshot.out()).contains("RECORDED snapshot of staging (1 tables)");

            Result analysis = cli.run(
                    null,
                    "analyze",
                    migrations.resolve("V2__drop_name.sql").toString(),
                    "--jdbc-url",
                    target.jdbcUrl(),
                    "--jdbc-user",
                    target.user());
            assertThat(analysis.exit()).as(analysis.toString()).isZero();
            assertThat(analysis.out())
                    .contains("rolled back: true")
                    .contains("REMOVED COLUMN public.items.name")
                    .contains("strongest lock on existing relations: ACCESS EXCLUSIVE [public.items]");
            Result failing = cli.run(
                    null,
                    "analyze",
                    migrations.resolve("V1__create_items.sql").toString(),
                    "--jdbc-url",
                    target.jdbcUrl(),
                    "--jdbc-user",
                    target.user());
            assertThat(failing.exit()).as("the table exists already").isEqualTo(1);
        }
    }
}
