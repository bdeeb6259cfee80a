package org.migrationledger.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.client.flyway.CallbackSettings;
import org.migrationledger.client.flyway.LedgerCallback;
import org.migrationledger.client.http.LedgerConnection;
import org.migrationledger.client.snapshot.FlywayHistoryCapture;
import org.migrationledger.client.snapshot.FlywayHistoryRow;
import org.migrationledger.client.spool.OnUnreachable;
import org.migrationledger.naming.MigrationIds;
import org.migrationledger.pipeline.Cli.Result;
import org.migrationledger.testsupport.FreshDatabase;

/**
 * The whole pipeline on real parts: the kratos corpus proposed and approved with the CLI, then a real
 * {@code flyway migrate} into fresh PostgreSQL databases standing for ci, staging and production, with the ledger's
 * Flyway callback reporting every migration. Production runs while the ledger is down: the reports wait in the spool
 * (the default) and a flush delivers them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KratosFlywayIT extends LedgerServiceIT {

    private static final List<String> ENVIRONMENTS = List.of("ci", "staging", "production");
    private static final String DOWN = "http://127.0.0.1:1";

    @TempDir
    static Path work;

    private final Map<String, FreshDatabase> targets = new java.util.LinkedHashMap<>();
    private Path flywayDirectory;
    private Cli cli;

    @BeforeAll
    void createTargets() {
        ENVIRONMENTS.forEach(env -> targets.put(env, FreshDatabase.create("kratos_" + env)));
    }

    @AfterAll
    void dropTargets() {
        targets.values().forEach(FreshDatabase::close);
    }

    @Test
    @Order(1)
    void flywayMigrateReportsEveryKratosMigrationInEveryEnvironment() throws SQLException {
        cli = new Cli("http://localhost:" + port);
        flywayDirectory = work.resolve("flyway");
        List<String> flywayNames = KratosMigrations.flywayCopy(
                flywayDirectory, KratosMigrations.upFiles().size());
        assertThat(flywayNames).hasSize(346);
        expectExit(0, cli.run("admin", "register", "kratos", "--environments", String.join(",", ENVIRONMENTS)));
        expectExit(
                0,
                cli.run("alice", "propose", "kratos", KratosMigrations.corpus().toString(), "--quiet"));
        expectExit(
                0,
                cli.run(
                        "carol",
                        "approve",
                        "kratos",
                        "--dir",
                        KratosMigrations.corpus().toString(),
                        "--quiet"));
        expectExit(
                0,
                cli.run(
                        "dora",
                        "approve",
                        "kratos",
                        "--dir",
                        KratosMigrations.corpus().toString(),
                        "--quiet"));

        migrate("ci", "http://localhost:" + port);
        migrate("staging", "http://localhost:" + port);
        migrate("production", DOWN);
        assertThat(pendingSpool())
                .as("every production report waits in the spool")
                .hasSize(347);
        Result flushed = cli.run("ci", "flush", "--spool-dir", spool().toString(), "--quiet");
        expectExit(0, flushed);
        assertThat(flushed.out()).contains("Delivered 347, refused 0, still waiting 0");

        for (String env : ENVIRONMENTS) {
            List<String> flywayIds = flywayHistory(env).stream()
                    .map(row -> MigrationIds.fromFlyway(row.version(), row.description()))
                    .toList();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(ledgerHistory(env))
                            .as("the ledger's history of %s", env)
                            .containsExactlyElementsOf(flywayIds));
            JsonNode versions = get("/api/v1/databases/kratos/environments/" + env + "/versions", "audrey")
                    .body();
            assertThat(versions.path("currentVersion").asText()).isEqualTo("1.345.0");
        }
        assertThat(flywayHistory("production")).hasSize(346).allMatch(FlywayHistoryRow::success);
    }

    @Test
    @Order(2)
    void theLedgerAndTheTargetsAgreeAfterwards() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(observedDrift())
                        .as("no unrecorded, missing or structural drift after a clean run")
                        .isEmpty());
        // The observed-schema read model may not hold both snapshots yet (a 404 until it does): poll, don't race it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode comparison = get("/api/v1/databases/kratos/schema-comparison?from=staging&to=production", "audrey")
                    .body();
            assertThat(comparison.path("identical").asBoolean())
                    .as(comparison.toString())
                    .isTrue();
            assertThat(comparison.path("from").path("schemaVersion").asText()).isEqualTo("1.345.0");
        });
    }

    @Test
    @Order(3)
    void changesMadeByHandInOneEnvironmentShowUpAsStructuralDrift() throws Exception {
        java.nio.file.Files.writeString(
                flywayDirectory.resolve("V30000000000000000000__ledger_test_status.sql"),
                "create type ledger_test_status as enum ('active', 'suspended');\n");
        expectExit(
                0,
                cli.run(
                        "alice",
                        "propose",
                        "kratos",
                        flywayDirectory
                                .resolve("V30000000000000000000__ledger_test_status.sql")
                                .toString(),
                        "--schema-version",
                        "1.346.0"));
        expectExit(0, cli.run("carol", "approve", "kratos", "30000000000000000000_ledger_test_status"));
        for (String env : ENVIRONMENTS) {
            migrate(env, "http://localhost:" + port);
        }
        FreshDatabase production = targets.get("production");
        String index = firstPlainIndexOn(production, "identities");
        execute(production, "alter table identities add column nickname text");
        execute(production, "drop index " + index);
        execute(production, "alter type ledger_test_status add value 'archived'");

        expectExit(0, cli.snapshot("kratos", "production", production, spool()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(observedDrift())
                        .extracting(f -> f.path("kind").asText() + " "
                                + f.path("environment").asText() + " "
                                + f.path("severity").asText())
                        .containsExactlyInAnyOrder(
                                "STRUCTURAL production MEDIUM",
                                "STRUCTURAL production MEDIUM",
                                "STRUCTURAL production MEDIUM"));
        assertThat(observedDrift())
                .extracting(f -> f.path("detail").asText())
                .allMatch(detail -> detail.startsWith(
                        "production differs from the schema expected at 1.346.0" + " (as first observed in ci at "))
                .anyMatch(detail -> detail.contains("column public.identities.nickname (text) is extra"))
                .anyMatch(detail -> detail.contains("index " + index + " on public.identities is missing"))
                .anyMatch(detail -> detail.contains("enum public.ledger_test_status has extra value(s) [archived]"));

        JsonNode comparison = get("/api/v1/databases/kratos/schema-comparison?from=production&to=staging", "audrey")
                .body();
        assertThat(comparison.path("identical").asBoolean()).isFalse();
        assertThat(comparison.path("breaking").asBoolean())
                .as("staging lacks production's column")
                .isTrue();
        assertThat(comparison.path("differences"))
                .extracting(d -> d.path("objectType").asText() + " "
                        + d.path("change").asText() + " " + d.path("breaking").asBoolean())
                .containsExactlyInAnyOrder("COLUMN REMOVED true", "INDEX ADDED false", "ENUM CHANGED true");
    }

    @Test
    @Order(4)
    void aMigrationRunByHandOutsideTheLedgerShowsUpAsUnrecorded() throws Exception {
        java.nio.file.Path hotfix = work.resolve("hotfix");
        KratosMigrations.copyInto(flywayDirectory, hotfix);
        java.nio.file.Files.writeString(
                hotfix.resolve("V30000000000000000001__hotfix_session_index.sql"),
                "create index sessions_hotfix_idx on sessions (expires_at);\n");
        FreshDatabase staging = targets.get("staging");
        Flyway.configure()
                .dataSource(staging.jdbcUrl(), staging.user(), staging.password())
                .locations("filesystem:" + hotfix)
                .load()
                .migrate();

        expectExit(0, cli.snapshot("kratos", "staging", staging, spool()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(observedDrift())
                        .filteredOn(f -> f.path("environment").asText().equals("staging"))
                        .extracting(f -> f.path("kind").asText() + " "
                                + f.path("migrationId").asText())
                        .contains("UNRECORDED_MIGRATION 30000000000000000001_hotfix_session_index"));
        assertThat(observedDrift())
                .filteredOn(f -> f.path("kind").asText().equals("UNRECORDED_MIGRATION"))
                .singleElement()
                .satisfies(f -> assertThat(f.path("detail").asText())
                        .contains("V30000000000000000001__hotfix_session_index.sql ran in staging")
                        .endsWith("never saw it: it was not even proposed."));
    }

    private List<JsonNode> observedDrift() {
        List<JsonNode> findings = new ArrayList<>();
        get("/api/v1/databases/kratos/drift", "audrey").body().path("findings").forEach(finding -> {
            if (List.of("STRUCTURAL", "UNRECORDED_MIGRATION", "MISSING_IN_TARGET")
                    .contains(finding.path("kind").asText())) {
                findings.add(finding);
            }
        });
        return findings;
    }

    private static String firstPlainIndexOn(FreshDatabase target, String table) throws SQLException {
        try (Connection connection = target.connect();
                var statement = connection.prepareStatement("select i.relname from pg_index x"
                        + " join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid"
                        + " where t.relname = ? and not x.indisunique and not exists (select 1 from pg_constraint c"
                        + " where c.conindid = x.indexrelid) order by 1 limit 1")) {
            statement.setString(1, table);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private void migrate(String env, String ledgerUrl) {
        FreshDatabase target = targets.get(env);
        CallbackSettings settings = new CallbackSettings(
                LedgerConnection.of(ledgerUrl, tokenOf("ci"), CallbackSettings.TOOL, "https://ci.example.org/jobs/7")
                        .withAttempts(1),
                "kratos",
                env,
                OnUnreachable.SPOOL,
                spool(),
                true);
        Flyway.configure()
                .dataSource(target.jdbcUrl(), target.user(), target.password())
                .locations("filesystem:" + flywayDirectory)
                // Kratos' CREATE INDEX CONCURRENTLY would wait forever on the transaction that holds Flyway's
                // transaction-level advisory lock; a session-level lock is what Flyway advises for it.
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .callbacks(new LedgerCallback(settings))
                .load()
                .migrate();
    }

    private Path spool() {
        return work.resolve("ledger-spool");
    }

    private List<Path> pendingSpool() {
        return new org.migrationledger.client.spool.Spool(spool()).pending();
    }

    private List<FlywayHistoryRow> flywayHistory(String env) throws SQLException {
        try (Connection connection = targets.get(env).connect()) {
            return FlywayHistoryCapture.read(connection, FlywayHistoryCapture.DEFAULT_TABLE);
        }
    }

    private List<String> ledgerHistory(String env) {
        List<String> ids = new ArrayList<>();
        get("/api/v1/databases/kratos/environments/" + env + "/versions", "audrey")
                .body()
                .path("history")
                .forEach(entry -> ids.add(entry.path("migrationId").asText()));
        return ids;
    }

    static void expectExit(int exit, Result result) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(exit);
    }

    static void execute(FreshDatabase target, String sql) throws SQLException {
        try (Connection connection = target.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
