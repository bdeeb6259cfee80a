package org.migrationledger.analysis.empirical;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.migrationledger.analysis.change.LockLevel;

/**
 * Reads the relation locks of the current backend from pg_locks. Reading the catalog itself takes ACCESS SHARE on
 * system catalogs, so PostgreSQL's own schemas are left out.
 */
final class LockReader {

    private static final String LOCKS = "SELECT n.nspname || '.' || c.relname, c.relkind, l.mode, l.granted"
            + " FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND " + CatalogReader.USER_SCHEMAS
            + " ORDER BY 1, 3";

    private static final Map<String, String> KINDS = Map.of(
            "r",
            "table",
            "p",
            "table",
            "i",
            "index",
            "I",
            "index",
            "S",
            "sequence",
            "v",
            "view",
            "m",
            "materialized view",
            "t",
            "toast table");

    private LockReader() {}

    static List<HeldLock> read(Connection connection, CatalogSnapshot before) throws SQLException {
        List<HeldLock> locks = new ArrayList<>();
        CatalogReader.query(connection, LOCKS, row -> {
            String relation = row.getString(1);
            String kind = KINDS.getOrDefault(row.getString(2), row.getString(2));
            LockLevel mode = LockLevel.fromPgLocksMode(row.getString(3));
            locks.add(new HeldLock(relation, kind, mode, row.getBoolean(4), before.hasRelation(relation)));
        });
        return locks;
    }
}
