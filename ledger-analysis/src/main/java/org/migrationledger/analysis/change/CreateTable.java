package org.migrationledger.analysis.change;

import java.util.ArrayList;
import java.util.List;

/** CREATE TABLE; foreign keys in it lock the tables they reference. */
public record CreateTable(String table, List<String> referencedTables) implements Change {

    public CreateTable {
        referencedTables = List.copyOf(referencedTables);
    }

    @Override
    public List<TableLock> locks() {
        List<TableLock> locks = new ArrayList<>();
        locks.add(new TableLock(table, LockLevel.ACCESS_EXCLUSIVE));
        referencedTables.forEach(t -> locks.add(new TableLock(t, LockLevel.SHARE_ROW_EXCLUSIVE)));
        return locks;
    }

    @Override
    public String describe() {
        return "create table " + table;
    }
}
