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
import org.migrationledger.client.migrations.MigrationName;
import org.migrationledger.client.snapshot.FlywayHistoryCapture;
import org.migrationledger.client.snapshot.FlywayHistoryRow;
import org.migrationledger.client.spool.OnUnreachable;
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
    Path work;

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
                    .map(row -> MigrationName.migrationId(row.version(), row.description()))
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
