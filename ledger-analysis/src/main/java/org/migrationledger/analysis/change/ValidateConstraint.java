package org.migrationledger.analysis.change;

import java.util.List;

/** VALIDATE CONSTRAINT: scans the table without blocking reads or writes. */
public record ValidateConstraint(String table, String name) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of(new TableLock(table, LockLevel.SHARE_UPDATE_EXCLUSIVE));
    }

    @Override
    public String describe() {
        return "validate constraint " + name + " on " + table;
    }
}
