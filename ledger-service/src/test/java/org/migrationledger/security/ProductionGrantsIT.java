package org.migrationledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.migrationledger.testsupport.FreshDatabase;

/**
 * Issue 13: docs/security/roles.sql and grants.sql, run on a fresh database, give a schema owned by the migration
 * role (Flyway runs as it) and a runtime role that can INSERT and SELECT the event store but neither UPDATE, DELETE,
 * TRUNCATE nor DROP it, while it can still do what the service does elsewhere (tokens, read models).
 */
class ProductionGrantsIT {

    private static final Path SCRIPTS = Path.of("..", "docs", "security");
    private static final String PASSWORD = "grants-test";

    @Test
    void theRuntimeRoleMayOnlyInsertAndSelectTheEventStore() throws Exception {
        try (FreshDatabase database = FreshDatabase.create("grants")) {
            try (Connection admin = database.connect();
                    Statement sql = admin.createStatement()) {
                sql.execute(Files.readString(SCRIPTS.resolve("roles.sql")));
                sql.execute("alter role ledger_migrator password '" + PASSWORD + "'");
                sql.execute("alter role ledger_runtime password '" + PASSWORD + "'");
            }
            Flyway.configure()
                    .dataSource(database.jdbcUrl(), "ledger_migrator", PASSWORD)
                    .schemas("ledger")
                    .locations("classpath:db/migration/eventstore", "classpath:db/migration/projections")
                    .load()
                    .migrate();
            try (Connection migrator = DriverManager.getConnection(database.jdbcUrl(), "ledger_migrator", PASSWORD);
                    Statement sql = migrator.createStatement()) {
                sql.execute(Files.readString(SCRIPTS.resolve("grants.sql")));
            }
            try (Connection runtime = DriverManager.getConnection(database.jdbcUrl(), "ledger_runtime", PASSWORD);
                    Statement sql = runtime.createStatement()) {
                sql.execute("""
                        insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                            time_stamp, payload_type, payload)
                        values ('e1', 'shop', 0, '2026-11-26T10:00:00Z', 'T', '\\x7b7d')
                        """);
                assertThat(sql.executeQuery("select count(*) from domain_event_entry")
                                .next())
                        .isTrue();
                sql.execute("insert into token_entry (processor_name, segment) values ('p', 0)");
                sql.execute("update token_entry set owner = 'node' where processor_name = 'p'");
                for (String forbidden : new String[] {
                    "update domain_event_entry set payload = '\\x7b7d'",
                    "delete from domain_event_entry",
                    "truncate domain_event_entry",
                    "update event_chain set hash = hash",
                    "delete from event_chain"
                }) {
                    assertThatThrownBy(() -> sql.execute(forbidden))
                            .as(forbidden)
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("permission denied");
                }
                assertThatThrownBy(() -> sql.execute("drop table domain_event_entry"))
                        .hasMessageContaining("must be owner");
                assertThatThrownBy(() -> sql.execute("alter table domain_event_entry disable trigger user"))
                        .hasMessageContaining("must be owner");
            }
        }
    }
}
