package org.migrationledger.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.migrationledger.pipeline.KratosFlywayIT.execute;
import static org.migrationledger.pipeline.KratosFlywayIT.expectExit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.client.snapshot.FlywayHistoryCapture;
import org.migrationledger.client.snapshot.FlywayHistoryRow;
import org.migrationledger.naming.MigrationIds;
import org.migrationledger.pipeline.Cli.Result;
import org.migrationledger.testsupport.FreshDatabase;

/** Existing history, from before the ledger, imported with the CLI from real tables of real databases. */
class HistoryImportIT extends LedgerServiceIT {

    @TempDir
    Path work;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli("http://localhost:" + port);
    }

    @Test
    void aFlywayHistoryBecomesTheEnvironmentsVersionHistory() throws SQLException {
        Path flyway = work.resolve("flyway");
        KratosMigrations.flywayCopy(flyway, 20);
        expectExit(0, cli.run("admin", "register", "legacy", "--environments", "ci,staging,production"));
        try (FreshDatabase production = FreshDatabase.create("import_production")) {
            migrate(production, flyway);
            String[] importArgs = {
                "import",
                "legacy",
                "production",
                "--jdbc-url",
                production.jdbcUrl(),
                "--jdbc-user",
                production.user(),
                "--migrations-dir",
                flyway.toString()
            };

            Result imported = cli.run("ci", importArgs);
            expectExit(0, imported);
            assertThat(imported.out()).contains("Imported 20 run(s) into production, already recorded 0 (of 20)");
            assertThat(cli.run("ci", importArgs).out()).contains("Imported 0 run(s) into production");

            List<FlywayHistoryRow> history;
            try (Connection connection = production.connect()) {
                history = FlywayHistoryCapture.read(connection, FlywayHistoryCapture.DEFAULT_TABLE);
            }
            List<String> flywayIds = history.stream()
                    .map(row -> MigrationIds.fromFlyway(row.version(), row.description()))
                    .toList();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(entries("legacy", "production"))
                            .extracting(e -> e.path("migrationId").asText())
                            .containsExactlyElementsOf(flywayIds));
            assertThat(entries("legacy", "production"))
                    .allSatisfy(e -> assertThat(e.path("appliedBy").asText())
                            .isEqualTo(history.get(0).installedBy()));
            assertThat(versions("legacy", "production").path("currentVersion").asText())
                    .isEqualTo("1.19.0");

            expectExit(0, cli.snapshot("legacy", "production", production, work.resolve("spool")));
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(get("/api/v1/databases/legacy/drift", "audrey")
                                    .body()
                                    .path("findings"))
                            .as("imported runs count as recorded; nobody approved them, and ci and staging are"
                                    + " unknown rather than behind, so a production imported alone is no drift")
                            .isEmpty());
        }
    }

    @Test
    void anImportSettlesTheUnrecordedMigrationsAnEarlierSnapshotShowedWithoutANewSnapshot() throws SQLException {
        Path flyway = work.resolve("flyway-unrecorded");
        KratosMigrations.flywayCopy(flyway, 3);
        expectExit(0, cli.run("admin", "register", "outside", "--environments", "ci,staging"));
        try (FreshDatabase staging = FreshDatabase.create("import_unrecorded")) {
            migrate(staging, flyway);
            expectExit(0, cli.snapshot("outside", "staging", staging, work.resolve("spool-unrecorded")));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(driftKinds("outside"))
                            .containsOnly("UNRECORDED_MIGRATION")
                            .hasSize(3));

            expectExit(
                    0,
                    cli.run(
                            "ci",
                            "import",
                            "outside",
                            "staging",
                            "--jdbc-url",
                            staging.jdbcUrl(),
                            "--jdbc-user",
                            staging.user(),
                            "--migrations-dir",
                            flyway.toString()));

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(driftKinds("outside")).isEmpty());
        }
    }

    private static void migrate(FreshDatabase target, Path migrations) {
        Flyway.configure()
                .dataSource(target.jdbcUrl(), target.user(), target.password())
                .locations("filesystem:" + migrations)
                .load()
                .migrate();
    }

    private List<String> driftKinds(String db) {
        List<String> kinds = new ArrayList<>();
        get("/api/v1/databases/" + db + "/drift", "audrey")
                .body()
                .path("findings")
                .forEach(finding -> kinds.add(finding.path("kind").asText()));
        return kinds;
    }

    @Test
    void theSeedsSchemaVersionsTableIsImportedWithItsDescriptionsAndRollbackSafety() throws SQLException {
        expectExit(0, cli.run("admin", "register", "wishlist"));
        try (FreshDatabase local = FreshDatabase.create("import_schema_versions")) {
            execute(local, """
                    CREATE TABLE schema_versions (
                      id SERIAL PRIMARY KEY,
                      version TEXT NOT NULL,
                      migration_file TEXT NOT NULL,
                      applied_at TIMESTAMP NOT NULL DEFAULT now(),
                      applied_by TEXT,
                      description TEXT,
                      rollback_safe BOOLEAN DEFAULT false
                    );
                    INSERT INTO schema_versions (version, migration_file, applied_at, applied_by, description,
                      rollback_safe) VALUES
                      ('1.6.0', '0006_create_wishlists.sql', '2025-01-10 10:00', 'deploy-bot', 'Create wishlists', false),
                      ('1.7.0', '0007_create_wishlist_items.sql', '2025-02-01 09:30', 'dora', 'Create items', true);
                    """);

            Result imported = cli.run(
                    "ci",
                    "import",
                    "wishlist",
                    "local",
                    "--source",
                    "schema_versions",
                    "--jdbc-url",
                    local.jdbcUrl(),
                    "--jdbc-user",
                    local.user());
            expectExit(0, imported);
            assertThat(imported.out()).contains("Imported 2 run(s) into local");
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(entries("wishlist", "local"))
                        .extracting(e -> e.path("migrationId").asText() + " "
                                + e.path("version").asText() + " "
                                + e.path("appliedBy").asText() + " "
                                + e.path("rollbackSafe").asBoolean())
                        .containsExactly(
                                "0006_create_wishlists 1.6.0 deploy-bot false",
                                "0007_create_wishlist_items 1.7.0 dora true"));
        assertThat(versions("wishlist", "local").path("currentVersion").asText())
                .isEqualTo("1.7.0");
    }

    @Test
    void importingNeedsARealEnvironmentAndTheRightRole() {
        expectExit(0, cli.run("admin", "register", "refused"));
        try (FreshDatabase empty = FreshDatabase.create("import_refused")) {
            execute(
                    empty,
                    "create table schema_versions (id serial primary key, version text, migration_file text,"
                            + " applied_at timestamp, applied_by text, description text, rollback_safe boolean);"
                            + " insert into schema_versions (version, migration_file, applied_at) values ('1.0.0',"
                            + " '0001_init.sql', now())");
            String[] args = {
                "import",
                "refused",
                "nowhere",
                "--source",
                "schema_versions",
                "--jdbc-url",
                empty.jdbcUrl(),
                "--jdbc-user",
                empty.user()
            };
            expectExit(2, cli.run("ci", args));
            args[2] = "local";
            expectExit(2, cli.run("alice", args));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode versions(String db, String env) {
        return get("/api/v1/databases/" + db + "/environments/" + env + "/versions", "audrey")
                .body();
    }

    private List<JsonNode> entries(String db, String env) {
        List<JsonNode> entries = new ArrayList<>();
        versions(db, env).path("history").forEach(entries::add);
        return entries;
    }
}
