package org.migrationledger.analysis.change;

import java.util.List;
import java.util.Locale;

/**
 * INSERT, UPDATE, DELETE or MERGE against a table.
 *
 * @param filtered whether a WHERE clause limits the rows touched (always true for INSERT)
 */
public record WriteRows(Kind kind, String table, boolean filtered) implements Change {

    public enum Kind {
        INSERT,
        UPDATE,
        DELETE,
        MERGE
    }

    @Override
    public List<TableLock> locks() {
        return List.of(new TableLock(table, LockLevel.ROW_EXCLUSIVE));
    }

    @Override
    public String describe() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + table + (filtered ? "" : " (all rows)");
    }
}
