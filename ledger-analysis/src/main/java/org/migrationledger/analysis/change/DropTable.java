package org.migrationledger.analysis.change;

import java.util.List;

/** Removes a table and every row in it. */
public record DropTable(String table) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of(new TableLock(table, LockLevel.ACCESS_EXCLUSIVE));
    }

    @Override
    public String describe() {
        return "drop table " + table;
    }
}
