package org.migrationledger.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.migrationledger.pipeline.KratosFlywayIT.expectExit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
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
import org.migrationledger.client.flyway.LedgerCallback;
import org.migrationledger.client.migrations.ScriptChecksum;
import org.migrationledger.client.snapshot.FlywayHistoryCapture;
import org.migrationledger.client.spring.LedgerCallbackAutoConfiguration;
import org.migrationledger.testsupport.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An application of the ledger's users, started beside the ledger: Spring Boot with its own Flyway migrating its own
 * database on start-up, and the client's auto-configuration turning {@code ledger.*} properties into the callback.
 */
class SpringBootFlywayCallbackIT extends LedgerServiceIT {

    @TempDir
    Path work;

    @Autowired
    ApplicationContext ledger;

    private Path migrations;

    @BeforeEach
    void writeMigrations() throws IOException {
        migrations = Files.createDirectories(work.resolve("migrations"));
        Files.writeString(
                migrations.resolve("V1__create_orders.sql"), "create table orders (id bigint primary key);\n");
        Files.writeString(migrations.resolve("V2__add_total.sql"), "alter table orders add column total numeric;\n");
    }

    @Test
    void flywayMigratesOnStartUpAndTheLedgerRecordsEachApplyWithItsChecksum() throws Exception {
        register("orders");

        try (FreshDatabase target = FreshDatabase.create("boot_orders");
                ConfigurableApplicationContext application = start(
                        target,
                        "--ledger.url=http://localhost:" + port,
                        "--ledger.token=" + tokenOf("ci"),
                        "--ledger.database=orders",
                        "--ledger.environment=ci",
                        "--ledger.run-url=https://ci.example.org/deploys/9",
                        "--ledger.spool-dir=" + work.resolve("spool"))) {

            LedgerCallback callback = application.getBean(LedgerCallback.class);
            assertThat(application.getBean(Flyway.class).getConfiguration().getCallbacks())
                    .as("Boot's Flyway was handed the callback bean")
                    .contains(callback);
            assertThat(flywayHistory(target)).containsExactly("1", "2");
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(applies("orders"))
                            .extracting(
                                    apply -> apply.path("migrationId").asText(),
                                    apply -> apply.path("checksum").asText(),
                                    apply -> apply.path("runUrl").asText())
                            .containsExactly(
                                    tuple(
                                            "0001_create_orders",
                                            checksumOf("V1__create_orders.sql"),
                                            "https://ci.example.org/deploys/9"),
                                    tuple(
                                            "0002_add_total",
                                            checksumOf("V2__add_total.sql"),
                                            "https://ci.example.org/deploys/9")));
            assertThat(work.resolve("spool")).as("nothing had to wait").doesNotExist();
        }
    }

    @Test
    void withoutLedgerDatabaseThereIsNoCallbackAndFlywayRunsAsBefore() throws SQLException {
        try (FreshDatabase target = FreshDatabase.create("boot_plain");
                ConfigurableApplicationContext application =
                        start(target, "--ledger.url=http://localhost:" + port, "--ledger.token=" + tokenOf("ci"))) {

            assertThat(application.getBeansOfType(LedgerCallback.class)).isEmpty();
            assertThat(ledger.getBeansOfType(LedgerCallback.class))
                    .as("nor in the ledger itself, which has the client on its test classpath")
                    .isEmpty();
            assertThat(application.getBean(Flyway.class).getConfiguration().getCallbacks())
                    .noneMatch(LedgerCallback.class::isInstance);
            assertThat(flywayHistory(target)).containsExactly("1", "2");
        }
    }

    @Test
    void withOnUnreachableFailTheApplicationDoesNotStartWhileTheLedgerIsDown() throws SQLException {
        try (FreshDatabase target = FreshDatabase.create("boot_strict")) {
            assertThatThrownBy(() -> start(
                                    target,
                                    "--ledger.url=http://127.0.0.1:1",
                                    "--ledger.token=" + tokenOf("ci"),
                                    "--ledger.database=orders",
                                    "--ledger.environment=ci",
                                    "--ledger.on-unreachable=fail",
                                    "--ledger.spool-dir=" + work.resolve("spool"))
                            .close())
                    .hasStackTraceContaining("The ledger at http://127.0.0.1:1 is unreachable");

            assertThat(flywayHistory(target))
                    .as("the migration whose report failed was rolled back")
                    .doesNotContain("1");
            assertThat(work.resolve("spool")).doesNotExist();
        }
    }

    /**
     * The user's application: Boot's DataSource and Flyway auto-configurations and the ledger's, nothing else of the
     * test classpath (which carries the ledger's own Axon and web auto-configurations). Not a
     * {@code @SpringBootConfiguration}: {@code @SpringBootTest} looks for exactly one of those above each test
     * package, and would find this one for every pipeline IT.
     */
    @ImportAutoConfiguration({
        DataSourceAutoConfiguration.class,
        FlywayAutoConfiguration.class,
        LedgerCallbackAutoConfiguration.class
    })
    static class ShopApplication {}

    private ConfigurableApplicationContext start(FreshDatabase target, String... ledgerArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                // No application.yml: the ledger's own, on this classpath, is no business of the user's application.
                "--spring.config.name=shop-application-without-config",
                "--spring.datasource.url=" + target.jdbcUrl(),
                "--spring.datasource.username=" + target.user(),
                "--spring.datasource.password=" + (target.password() == null ? "" : target.password()),
                "--spring.flyway.locations=filesystem:" + migrations));
        arguments.addAll(List.of(ledgerArguments));
        return new SpringApplicationBuilder(ShopApplication.class)
                .web(WebApplicationType.NONE)
                .registerShutdownHook(false)
                .run(arguments.toArray(String[]::new));
    }

    private void register(String database) {
        Cli cli = new Cli("http://localhost:" + port);
        expectExit(0, cli.run("admin", "register", database, "--environments", "ci"));
        expectExit(0, cli.run("alice", "propose", database, migrations.toString(), "--quiet"));
    }

    private List<JsonNode> applies(String database) {
        List<JsonNode> applies = new ArrayList<>();
        get("/api/v1/audit/events?database=" + database + "&environment=ci", "audrey")
                .body()
                .path("events")
                .forEach(event -> {
                    if (event.path("type").asText().equals("MigrationApplied")) {
                        applies.add(event.path("payload"));
                    }
                });
        return applies;
    }

    private String checksumOf(String file) throws IOException {
        return ScriptChecksum.sha256(Files.readAllBytes(migrations.resolve(file)));
    }

    private static List<String> flywayHistory(FreshDatabase target) throws SQLException {
        try (Connection connection = target.connect()) {
            if (FlywayHistoryCapture.locate(connection, FlywayHistoryCapture.DEFAULT_TABLE)
                    .isEmpty()) {
                return List.of();
            }
            return FlywayHistoryCapture.read(connection, FlywayHistoryCapture.DEFAULT_TABLE).stream()
                    .map(row -> row.version())
                    .toList();
        }
    }
}
