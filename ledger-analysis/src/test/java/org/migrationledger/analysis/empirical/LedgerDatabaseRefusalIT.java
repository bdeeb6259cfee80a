package org.migrationledger.analysis.empirical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.testsupport.FreshPostgresDatabase;

class LedgerDatabaseRefusalIT {

    @RegisterExtension
    static FreshPostgresDatabase db = new FreshPostgresDatabase();

    @Test
    void refusesADatabaseHoldingTheLedgersEventStoreAndRunsNothing() throws SQLException {
        execute("CREATE SCHEMA ledger_refusal; CREATE TABLE ledger_refusal.domain_event_entry (global_index bigint)");
        try {
            EmpiricalAnalyzer analyzer = new EmpiricalAnalyzer(
                    db.database().jdbcUrl(), db.database().user(), db.database().password());

            assertThatThrownBy(() -> analyzer.analyze("CREATE TABLE must_not_exist (id int);"))
                    .isInstanceOf(LedgerDatabaseRefusedException.class)
                    .hasMessageContaining("ledger_refusal.domain_event_entry")
                    .hasMessageContaining("disposable database");
            assertThat(tableExists("must_not_exist")).isFalse();
        } finally {
            execute("DROP SCHEMA ledger_refusal CASCADE");
        }
    }

    @Test
    void recognisesAxonsDefaultCamelCaseTableToo() throws SQLException {
        execute("CREATE SCHEMA axon_defaults; CREATE TABLE axon_defaults.\"DomainEventEntry\" (globalIndex bigint)");
        try {
            EmpiricalAnalyzer analyzer = new EmpiricalAnalyzer(
                    db.database().jdbcUrl(), db.database().user(), db.database().password());

            assertThatThrownBy(() -> analyzer.analyze("SELECT 1;"))
                    .isInstanceOf(LedgerDatabaseRefusedException.class)
                    .hasMessageContaining("axon_defaults.DomainEventEntry");
        } finally {
            execute("DROP SCHEMA axon_defaults CASCADE");
        }
    }

    @Test
    void acceptsAnOrdinaryDatabase() {
        EmpiricalAnalyzer analyzer = new EmpiricalAnalyzer(
                db.database().jdbcUrl(), db.database().user(), db.database().password());

        assertThat(analyzer.analyze("CREATE TABLE scratch (id int);").catalogChanges())
                .extracting(CatalogChange::name)
                .contains("public.scratch", "public.scratch.id");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = db.database().connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean tableExists(String name) throws SQLException {
        try (Connection connection = db.database().connect();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT to_regclass('public." + name + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }
}
