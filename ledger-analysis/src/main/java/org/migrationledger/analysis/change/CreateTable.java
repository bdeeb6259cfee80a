package org.migrationledger.analysis.change;

import java.util.List;

/**
 * CREATE TABLE. The new table is invisible to others until commit, so only the tables its foreign keys reference
 * are locked in a way anyone notices.
 */
public record CreateTable(String table, List<String> referencedTables) implements Change {

    public CreateTable {
        referencedTables = List.copyOf(referencedTables);
    }

    @Override
    public List<TableLock> locks() {
        return referencedTables.stream()
                .map(t -> new TableLock(t, LockLevel.SHARE_ROW_EXCLUSIVE))
                .toList();
    }

    @Override
    public String describe() {
        return "create table " + table;
    }
}
