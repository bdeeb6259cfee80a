package org.migrationledger.analysis.change;

import java.util.List;

/** Empties a table at once. */
public record Truncate(String table) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of(new TableLock(table, LockLevel.ACCESS_EXCLUSIVE));
    }

    @Override
    public String describe() {
        return "truncate " + table;
    }
}
