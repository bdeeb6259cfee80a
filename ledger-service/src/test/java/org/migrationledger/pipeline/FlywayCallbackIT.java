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
    void aFailedMigrationIsReportedWithTheDatabasesErrorAndARepairIsObserved() throws Exception {
        Cli cli = new Cli("http://localhost:" + port);
        Path migrations = Files.createDirectories(work.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__create_items.sql"), "create table items (id bigint primary key);\n");
        Files.writeString(migrations.resolve("V2__add_price.sql"), "alter table itemz add column price numeric;\n");
        expectExit(0, cli.run("admin", "register", "shop", "--environments", "ci,production"));
        expectExit(0, cli.run("alice", "propose", "shop", migrations.toString(), "--quiet"));

        try (FreshDatabase ci = FreshDatabase.create("callback_ci")) {
            Flyway flyway = flyway(ci, migrations, settings("ci", OnUnreachable.SPOOL));
            assertThatThrownBy(flyway::migrate).isInstanceOf(FlywayException.class);

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(get("/api/v1/databases/shop/migrations/0002_add_price", "audrey")
                                    .body()
                                    .toString())
                            .contains("FAILED"));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(get("/api/v1/audit/events?database=shop&environment=ci", "audrey")
                                    .body()
                                    .toString())
                            .contains("MigrationApplyFailed")
                            .contains("This statement failed: alter table itemz add column price numeric"));

            Files.writeString(migrations.resolve("V2__add_price.sql"), "alter table items add column price numeric;\n");
            flyway.repair();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(get("/api/v1/audit/events?database=shop&environment=ci", "audrey")
                                    .body()
                                    .toString())
                            .contains("\"trigger\":\"REPAIR\""));
        }
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
            assertThatThrownBy(() -> flyway(ci, migrations, down).migrate()).isInstanceOf(FlywayException.class);

            assertThat(tables(ci))
                    .as("the migration whose report failed was rolled back")
                    .doesNotContain("one", "two");
            assertThat(work.resolve("spool")).doesNotExist();
        }
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
