package org.migrationledger.analysis.change;

import java.util.List;

/** Removes a constraint. */
public record DropConstraint(String table, String name) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of(new TableLock(table, LockLevel.ACCESS_EXCLUSIVE));
    }

    @Override
    public String describe() {
        return "drop constraint " + name + " on " + table;
    }
}
