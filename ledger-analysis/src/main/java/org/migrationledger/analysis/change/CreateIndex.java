package org.migrationledger.analysis.change;

import java.util.List;

/** CREATE [UNIQUE] INDEX [CONCURRENTLY]; name is null when PostgreSQL picks it. */
public record CreateIndex(String table, String name, boolean unique, boolean concurrently) implements Change {

    @Override
    public List<TableLock> locks() {
        LockLevel level = concurrently ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.SHARE;
        return List.of(new TableLock(table, level));
    }

    @Override
    public String describe() {
        return "create " + (unique ? "unique " : "") + "index" + (name == null ? "" : " " + name) + " on " + table;
    }
}
