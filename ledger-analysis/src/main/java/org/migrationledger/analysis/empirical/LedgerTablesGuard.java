package org.migrationledger.analysis.empirical;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses databases that hold the ledger's event store. Axon's default table is DomainEventEntry (folded to
 * domainevententry when unquoted); the ledger may also map it to snake_case. Any schema counts.
 */
final class LedgerTablesGuard {

    private static final String LEDGER_TABLES = "SELECT n.nspname || '.' || c.relname FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE lower(c.relname) IN ('domain_event_entry', 'domainevententry') AND c.relkind IN ('r', 'p')"
            + " ORDER BY 1";

    private LedgerTablesGuard() {}

    static void refuseLedgerDatabase(Connection connection, String url) throws SQLException {
        List<String> found = new ArrayList<>();
        CatalogReader.query(connection, LEDGER_TABLES, row -> found.add(row.getString(1)));
        if (!found.isEmpty()) {
            throw new LedgerDatabaseRefusedException("Refusing to run a migration against " + url + ": it holds the"
                    + " ledger's event store (" + String.join(", ", found) + "). Empirical analysis needs a"
                    + " disposable database, such as the pipeline's CI database; nothing was executed.");
        }
    }
}
