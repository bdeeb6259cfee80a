package org.migrationledger.analysis.change;

import java.util.List;

/** Makes a column optional. */
public record DropNotNull(String table, String column) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of(new TableLock(table, LockLevel.ACCESS_EXCLUSIVE));
    }

    @Override
    public String describe() {
        return "drop not null on " + table + "." + column;
    }
}
