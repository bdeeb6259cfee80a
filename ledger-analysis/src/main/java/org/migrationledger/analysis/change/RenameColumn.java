package org.migrationledger.analysis.change;

import java.util.List;

/** Gives a column a new name; readers using the old one fail. */
public record RenameColumn(String table, String column, String newName) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of(new TableLock(table, LockLevel.ACCESS_EXCLUSIVE));
    }

    @Override
    public String describe() {
        return "rename column " + table + "." + column + " to " + newName;
    }
}
