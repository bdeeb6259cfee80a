package org.migrationledger.analysis.change;

import java.util.List;

/** Removes a column and its data. */
public record DropColumn(String table, String column) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of(new TableLock(table, LockLevel.ACCESS_EXCLUSIVE));
    }

    @Override
    public String describe() {
        return "drop column " + table + "." + column;
    }
}
