package org.migrationledger.analysis.change;

import java.util.List;

/** ALTER COLUMN ... TYPE; whether it rewrites the table depends on the type it had. */
public record ChangeColumnType(String table, String column, String newType) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of(new TableLock(table, LockLevel.ACCESS_EXCLUSIVE));
    }

    @Override
    public String describe() {
        return "change type of " + table + "." + column + " to " + newType;
    }
}
