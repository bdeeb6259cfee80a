package org.migrationledger.analysis.change;

import java.util.List;

/** DROP INDEX [CONCURRENTLY]; the lock also falls on the index's table, which the statement does not name. */
public record DropIndex(String name, boolean concurrently) implements Change {

    @Override
    public List<TableLock> locks() {
        LockLevel level = concurrently ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE;
        return List.of(new TableLock(name, level));
    }

    @Override
    public String describe() {
        return "drop index " + name;
    }
}
