package org.migrationledger.analysis.change;

import java.util.List;

/** SET DEFAULT or DROP DEFAULT; catalog only, no scan. */
public record ChangeColumnDefault(String table, String column, boolean set) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of(new TableLock(table, LockLevel.ACCESS_EXCLUSIVE));
    }

    @Override
    public String describe() {
        return (set ? "set" : "drop") + " default of " + table + "." + column;
    }
}
