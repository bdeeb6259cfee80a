package org.migrationledger.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.migrationledger.pipeline.KratosFlywayIT.expectExit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.client.migrations.MigrationName;
import org.migrationledger.client.snapshot.FlywayHistoryCapture;
import org.migrationledger.client.spool.Spool;
import org.migrationledger.naming.MigrationIds;
import org.migrationledger.pipeline.FlywayCommandLine.Run;
import org.migrationledger.testsupport.FreshDatabase;

/**
 * The callback on Flyway's real command line, set up as the README says: {@code ledger-client.jar} in the
 * distribution's {@code jars/}, {@code -callbacks=…LedgerCallback}, the settings in each form that survives Flyway's
 * command line ({@code -placeholders.ledger_…}, {@code FLYWAY_PLACEHOLDERS_LEDGER_…}, a {@code flyway.toml}) and the
 * token in {@code LEDGER_TOKEN}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlywayCommandLineIT extends LedgerServiceIT {

    private static final String DOWN = "http://127.0.0.1:1";

    @TempDir
    Path work;

    private FlywayCommandLine flyway;
    private Cli cli;

    @BeforeAll
    void installTheClientIntoFlyway() {
        flyway = FlywayCommandLine.locate().installClient();
    }

    @Test
    void flywayMigrateReportsEveryMigrationWithItsChecksumDurationAndTheSchemaItLeft() throws Exception {
        Path migrations = work.resolve("kratos");
        List<String> files = KratosMigrations.flywayCopy(migrations, 12);
        register("kratos", migrations);

        try (FreshDatabase target = FreshDatabase.create("cli_kratos")) {
            Run run = flyway.migrate(
                    work,
                    ledger(url()),
                    connection(
                            target,
                            migrations,
                            "-placeholders.ledger_database=kratos",
                            "-placeholders.ledger_environment=ci"));

            expectSuccess(run);
            assertThat(run.output())
                    .contains("Successfully applied 12 migrations")
                    .contains("Ledger: 13 report(s) sent to " + url());
            assertRecordedAsFlywayRan("kratos", migrations, files, target);
        }
    }

    @Test
    void aMigrationThatFailsOnTheCommandLineIsRecordedAsFailed() throws Exception {
        Path migrations = Files.createDirectories(work.resolve("shop"));
        Files.writeString(migrations.resolve("V1__create_items.sql"), "create table items (id bigint primary key);\n");
        Files.writeString(migrations.resolve("V2__add_price.sql"), "alter table itemz add column price numeric;\n");
        register("shop", migrations);
        Map<String, String> environment = new LinkedHashMap<>(ledger(url()));
        environment.put("FLYWAY_PLACEHOLDERS_LEDGER_DATABASE", "shop");
        environment.put("FLYWAY_PLACEHOLDERS_LEDGER_ENVIRONMENT", "ci");

        try (FreshDatabase target = FreshDatabase.create("cli_shop")) {
            Run run = flyway.migrate(work, environment, connection(target, migrations));

            assertThat(run.exit()).as(run.toString()).isNotZero();
            assertThat(run.output()).as(run.toString()).contains("itemz");
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(events("shop"))
                            .extracting(e -> e.path("type").asText() + " "
                                    + e.path("migrationId").asText())
                            .contains("MigrationApplied 0001_create_items", "MigrationApplyFailed 0002_add_price"));
            assertThat(payloads("shop", "MigrationApplyFailed")).singleElement().satisfies(failed -> {
                assertThat(failed.path("checksum").asText()).isEqualTo(sha256(migrations.resolve("V2__add_price.sql")));
                assertThat(failed.toString())
                        .contains("This statement failed: alter table itemz add column price numeric");
            });
        }
    }

    @Test
    void whileTheLedgerIsDownReportsWaitInTheSpoolAndFlushDeliversThemAll() throws Exception {
        Path migrations = Files.createDirectories(work.resolve("wishlist"));
        Files.writeString(
                migrations.resolve("V1__create_wishes.sql"), "create table wishes (id bigint primary key);\n");
        Files.writeString(migrations.resolve("V2__add_title.sql"), "alter table wishes add column title text;\n");
        Files.writeString(
                migrations.resolve("V3__index_title.sql"), "create index wishes_title_idx on wishes (title);\n");
        register("wishlist", migrations);
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        Files.writeString(
                deploy.resolve("flyway.toml"),
                "[flyway.placeholders]\n\"ledger.database\" = \"wishlist\"\n\"ledger.environment\" = \"ci\"\n");

        try (FreshDatabase target = FreshDatabase.create("cli_wishlist")) {
            Run offline = flyway.migrate(deploy, ledger(DOWN), connection(target, migrations));

            expectSuccess(offline);
            assertThat(offline.output()).contains("4 spooled in ledger-spool");
            assertThat(new Spool(deploy.resolve("ledger-spool")).pending())
                    .as("three applies and the snapshot wait in the default ./ledger-spool")
                    .hasSize(4);
            assertThat(ledgerHistory("wishlist")).isEmpty();

            Run flush = flyway.client(deploy, ledger(url()), "flush");
            assertThat(flush.exit()).as(flush.toString()).isZero();
            assertThat(flush.output()).contains("Delivered 4, refused 0, still waiting 0");
            assertThat(new Spool(deploy.resolve("ledger-spool")).pending()).isEmpty();
            assertRecordedAsFlywayRan(
                    "wishlist",
                    migrations,
                    List.of("V1__create_wishes.sql", "V2__add_title.sql", "V3__index_title.sql"),
                    target);
        }
    }

    private void assertRecordedAsFlywayRan(String database, Path migrations, List<String> files, FreshDatabase target)
            throws SQLException {
        List<String> flywayIds = flywayHistory(target);
        assertThat(flywayIds).hasSize(files.size());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ledgerHistory(database)).containsExactlyElementsOf(flywayIds));
        Map<String, String> expected = new LinkedHashMap<>();
        for (String file : files) {
            MigrationName name = MigrationName.parse(file).orElseThrow();
            expected.put(MigrationIds.fromFlyway(name.version(), name.description()), sha256(migrations.resolve(file)));
        }
        List<JsonNode> applies = payloads(database, "MigrationApplied");
        assertThat(applies)
                .extracting(
                        apply -> apply.path("migrationId").asText(),
                        apply -> apply.path("checksum").asText())
                .containsExactlyElementsOf(expected.entrySet().stream()
                        .map(e -> tuple(e.getKey(), e.getValue()))
                        .toList());
        assertThat(applies).allSatisfy(apply -> {
            assertThat(apply.path("durationMs").isIntegralNumber())
                    .as(apply.toString())
                    .isTrue();
            assertThat(apply.path("durationMs").asLong()).isNotNegative();
            assertThat(apply.path("tool").asText()).isEqualTo("flyway");
        });
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(payloads(database, "SchemaSnapshotObserved"))
                        .anySatisfy(snapshot ->
                                assertThat(snapshot.path("trigger").asText()).isEqualTo("MIGRATE")));
    }

    private void register(String database, Path migrations) {
        cli = new Cli(url());
        expectExit(0, cli.run("admin", "register", database, "--environments", "ci"));
        expectExit(0, cli.run("alice", "propose", database, migrations.toString(), "--quiet"));
    }

    private String url() {
        return "http://localhost:" + port;
    }

    private static Map<String, String> ledger(String url) {
        return Map.of("LEDGER_URL", url, "LEDGER_TOKEN", tokenOf("ci"));
    }

    private static String[] connection(FreshDatabase target, Path migrations, String... more) {
        List<String> arguments = new ArrayList<>(
                List.of("-url=" + target.jdbcUrl(), "-user=" + target.user(), "-locations=filesystem:" + migrations));
        if (target.password() != null) {
            arguments.add("-password=" + target.password());
        }
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    private static void expectSuccess(Run run) {
        assertThat(run.exit()).as(run.toString()).isZero();
    }

    private List<JsonNode> events(String database) {
        List<JsonNode> events = new ArrayList<>();
        get("/api/v1/audit/events?database=" + database + "&environment=ci&limit=100", "audrey")
                .body()
                .path("events")
                .forEach(events::add);
        return events;
    }

    private List<JsonNode> payloads(String database, String type) {
        return events(database).stream()
                .filter(e -> e.path("type").asText().equals(type))
                .map(e -> e.path("payload"))
                .toList();
    }

    private List<String> ledgerHistory(String database) {
        List<String> ids = new ArrayList<>();
        get("/api/v1/databases/" + database + "/environments/ci/versions", "audrey")
                .body()
                .path("history")
                .forEach(entry -> ids.add(entry.path("migrationId").asText()));
        return ids;
    }

    private static List<String> flywayHistory(FreshDatabase target) throws SQLException {
        try (Connection connection = target.connect()) {
            return FlywayHistoryCapture.read(connection, FlywayHistoryCapture.DEFAULT_TABLE).stream()
                    .map(row -> MigrationIds.fromFlyway(row.version(), row.description()))
                    .toList();
        }
    }

    /** Computed here, not by the client, so that a wrong checksum in the client cannot agree with itself. */
    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
