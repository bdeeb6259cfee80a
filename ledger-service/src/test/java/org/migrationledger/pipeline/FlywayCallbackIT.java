package org.migrationledger.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.migrationledger.pipeline.KratosFlywayIT.expectExit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.client.flyway.CallbackSettings;
import org.migrationledger.client.flyway.LedgerCallback;
import org.migrationledger.client.http.LedgerConnection;
import org.migrationledger.client.spool.OnUnreachable;
import org.migrationledger.testsupport.FreshDatabase;

/** The callback's reports of a run that fails, is repaired and run again; and a run that must not go unreported. */
class FlywayCallbackIT extends LedgerServiceIT {

    @TempDir
    Path work;

    @Test
    void aFailedMigrationIsReportedWithTheDatabasesErrorAndARepairIsRecordedAsItsOwnFact() throws Exception {
        Cli cli = new Cli("http://localhost:" + port);
        Path migrations = Files.createDirectories(work.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__create_items.sql"), "create table items (id bigint primary key);\n");
        Files.writeString(
                migrations.resolve("V2__index_items.sql"), "create index concurrently items_id_idx on itemz (id);\n");
        expectExit(0, cli.run("admin", "register", "shop", "--environments", "ci,production"));
        expectExit(0, cli.run("alice", "propose", "shop", migrations.toString(), "--quiet"));

        try (FreshDatabase ci = FreshDatabase.create("callback_ci")) {
            Flyway flyway = flyway(ci, migrations, settings("ci", OnUnreachable.SPOOL));
            assertThatThrownBy(flyway::migrate).isInstanceOf(FlywayException.class);

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () -> assertThat(ciStatusOf("0002_index_items")).isEqualTo("FAILED"));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(get("/api/v1/audit/events?database=shop&environment=ci", "audrey")
                                    .body()
                                    .toString())
                            .contains("MigrationApplyFailed")
                            .contains("This statement failed: create index concurrently items_id_idx on itemz (id)"));

            // Flyway 11 on PostgreSQL rolls a failed run back without a trace; older Flyway releases, and every
            // database without transactional DDL, leave a failed row for repair to remove. This history has one.
            KratosFlywayIT.execute(
                    ci,
                    "insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                            + " installed_by, execution_time, success) values (2, '2', 'index items', 'SQL',"
                            + " 'V2__index_items.sql', 1, 'deploy', 5, false)");
            // The failed file is mended and a comment added to the applied one: repair removes the failed run and
            // realigns the applied one's checksum with its file.
            Files.writeString(
                    migrations.resolve("V2__index_items.sql"),
                    "create index concurrently items_id_idx on items (id);\n");
            Files.writeString(
                    migrations.resolve("V1__create_items.sql"),
                    "-- the catalogue\ncreate table items (id bigint primary key);\n");
            flyway.repair();

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(auditTypes()).contains("MigrationHistoryRepaired"));
            var events = get("/api/v1/audit/events?database=shop&environment=ci", "audrey")
                    .body()
                    .path("events");
            var repaired = java.util.stream.StreamSupport.stream(events.spliterator(), false)
                    .filter(e -> e.path("type").asText().equals("MigrationHistoryRepaired"))
                    .findFirst()
                    .orElseThrow();
            assertThat(repaired.path("payload").path("removedFailed"))
                    .extracting(entry -> entry.path("migrationId").asText())
                    .containsExactly("0002_index_items");
            assertThat(repaired.path("payload").path("realigned"))
                    .extracting(entry -> entry.path("migrationId").asText())
                    .containsExactly("0001_create_items");
            assertThat(repaired.path("summary").asText())
                    .isEqualTo("flyway repair of the history in ci removed the failed run of 0002_index_items;"
                            + " realigned with the files on disk 0001_create_items.");
            // The repair comes first, then the schema it left (the trail may not hold the snapshot yet).
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<String> types = auditTypes();
                assertThat(types.indexOf("MigrationHistoryRepaired"))
                        .isLessThan(types.lastIndexOf("SchemaSnapshotObserved"));
            });
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () -> assertThat(ciStatusOf("0002_index_items")).isEqualTo("PENDING"));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(get("/api/v1/databases/shop/drift", "audrey")
                                    .body()
                                    .path("findings"))
                            .noneMatch(f -> f.path("kind").asText().equals("FAILED_UNRESOLVED")));
        }
    }

    private List<String> auditTypes() {
        List<String> types = new ArrayList<>();
        get("/api/v1/audit/events?database=shop&environment=ci", "audrey")
                .body()
                .path("events")
                .forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    private String ciStatusOf(String migrationId) {
        var environments = get("/api/v1/databases/shop/migrations/" + migrationId, "audrey")
                .body()
                .path("environments");
        for (var environment : environments) {
            if (environment.path("environment").asText().equals("ci")) {
                return environment.path("status").asText();
            }
        }
        return "PENDING";
    }

    @Test
    void withFailTheRunStopsAtTheFirstReportThatCannotBeDelivered() throws IOException, SQLException {
        Path migrations = Files.createDirectories(work.resolve("strict"));
        Files.writeString(migrations.resolve("V1__one.sql"), "create table one (id int);\n");
        Files.writeString(migrations.resolve("V2__two.sql"), "create table two (id int);\n");
        CallbackSettings down = new CallbackSettings(
                LedgerConnection.of("http://127.0.0.1:1", tokenOf("ci"), CallbackSettings.TOOL, null)
                        .withAttempts(1),
                "strict",
                "ci",
                OnUnreachable.FAIL,
                work.resolve("spool"),
                false);

        try (FreshDatabase ci = FreshDatabase.create("callback_fail")) {
            assertThatThrownBy(() -> flyway(ci, migrations, down).migrate())
                    .isInstanceOf(FlywayException.class)
                    .as("it stopped because the ledger could not be reached, before the first migration ran")
                    .hasStackTraceContaining("The ledger at http://127.0.0.1:1 is unreachable")
                    .hasStackTraceContaining("reporting-access");

            assertThat(tables(ci)).as("nothing ran unreported").doesNotContain("one", "two");
            assertThat(work.resolve("spool")).doesNotExist();
        }
    }

    @Test
    void aWrongTokenRoleOrEnvironmentStopsTheRunBeforeTheFirstMigrationWhateverOnUnreachableSays() throws Exception {
        Path migrations = Files.createDirectories(work.resolve("guarded"));
        Files.writeString(migrations.resolve("V1__one.sql"), "create table one (id int);\n");
        Files.writeString(migrations.resolve("V2__two.sql"), "create table two (id int);\n");
        assertThat(send("PUT", "/api/v1/databases/guarded", "admin", "{\"environments\":[\"ci\",\"staging\"]}")
                        .status())
                .isEqualTo(201);
        try (FreshDatabase ci = FreshDatabase.create("callback_guarded")) {
            for (String[] wrong : new String[][] {
                {"not-a-token", "ci", "401"}, {tokenOf("alice"), "ci", "403"}, {tokenOf("ci"), "stagign", "404"}
            }) {
                CallbackSettings misconfigured = guarded(wrong[0], wrong[1]);
                assertThatThrownBy(() -> flyway(ci, migrations, misconfigured).migrate())
                        .as(wrong[2])
                        .hasStackTraceContaining("stopped before the first migration")
                        .hasStackTraceContaining("(" + wrong[2] + ": ");
                assertThat(tables(ci)).as(wrong[2]).doesNotContain("one", "two");
            }
            assertThat(work.resolve("guarded-spool"))
                    .as("nothing was spooled or refused")
                    .doesNotExist();

            flyway(ci, migrations, guarded(tokenOf("ci"), "ci")).migrate();

            assertThat(tables(ci)).contains("one", "two");
        }
    }

    @Test
    void aMigrationNobodyProposedIsRecordedAsUnproposedAndNothingIsRefused() throws Exception {
        Path migrations = Files.createDirectories(work.resolve("unproposed"));
        Files.writeString(migrations.resolve("V1__one.sql"), "create table one (id int);\n");
        Files.writeString(migrations.resolve("V2_1__two.sql"), "create table two (id int);\n");
        assertThat(send("PUT", "/api/v1/databases/unproposed", "admin", "{\"environments\":[\"ci\",\"production\"]}")
                        .status())
                .isEqualTo(201);
        CallbackSettings reporting = new CallbackSettings(
                LedgerConnection.of("http://localhost:" + port, tokenOf("ci"), CallbackSettings.TOOL, null),
                "unproposed",
                "ci",
                OnUnreachable.SPOOL,
                work.resolve("unproposed-spool"),
                false);

        try (FreshDatabase ci = FreshDatabase.create("callback_unproposed")) {
            flyway(ci, migrations, reporting).migrate();
        }

        assertThat(work.resolve("unproposed-spool"))
                .as("every report was recorded: nothing spooled, nothing in refused/")
                .doesNotExist();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(get("/api/v1/databases/unproposed/grid", "audrey")
                                .body()
                                .path("grid")
                                .toString())
                        .contains("{\"migrationId\":\"0001_one\",\"version\":\"1.0.0\",\"environments\":"
                                + "{\"ci\":\"UNPROPOSED\",\"production\":\"PENDING\"}}")
                        .contains("{\"migrationId\":\"0002_1_two\",\"version\":\"2.1.0\""));
    }

    private CallbackSettings guarded(String token, String env) {
        return new CallbackSettings(
                LedgerConnection.of("http://localhost:" + port, token, CallbackSettings.TOOL, null),
                "guarded",
                env,
                OnUnreachable.SPOOL,
                work.resolve("guarded-spool"),
                false);
    }

    private CallbackSettings settings(String env, OnUnreachable onUnreachable) {
        return new CallbackSettings(
                LedgerConnection.of("http://localhost:" + port, tokenOf("ci"), CallbackSettings.TOOL, null),
                "shop",
                env,
                onUnreachable,
                work.resolve("spool"),
                true);
    }

    private static Flyway flyway(FreshDatabase target, Path migrations, CallbackSettings settings) {
        return Flyway.configure()
                .dataSource(target.jdbcUrl(), target.user(), target.password())
                .locations("filesystem:" + migrations)
                .callbacks(new LedgerCallback(settings))
                .load();
    }

    private static List<String> tables(FreshDatabase target) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = target.connect();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
