package org.migrationledger.analysis.change;

import java.util.List;

/** An ALTER TABLE sub-command no rule looks at, with the lock PostgreSQL documents for it. */
public record OtherTableChange(String table, String action, LockLevel lock) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of(new TableLock(table, lock));
    }

    @Override
    public String describe() {
        return "alter table " + table + ": " + action;
    }
}
