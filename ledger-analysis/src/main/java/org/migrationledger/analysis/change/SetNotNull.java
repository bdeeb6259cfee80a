package org.migrationledger.analysis.change;

import java.util.List;

/** Makes a column mandatory; PostgreSQL scans the table to prove it holds no NULL. */
public record SetNotNull(String table, String column) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of(new TableLock(table, LockLevel.ACCESS_EXCLUSIVE));
    }

    @Override
    public String describe() {
        return "set not null on " + table + "." + column;
    }
}
