package org.migrationledger.analysis.change;

import java.util.List;

/** Gives a table a new name; readers using the old one fail. */
public record RenameTable(String table, String newName) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of(new TableLock(table, LockLevel.ACCESS_EXCLUSIVE));
    }

    @Override
    public String describe() {
        return "rename table " + table + " to " + newName;
    }
}
