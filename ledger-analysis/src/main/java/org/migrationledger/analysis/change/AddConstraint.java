package org.migrationledger.analysis.change;

import java.util.List;

/**
 * ALTER TABLE ... ADD [CONSTRAINT name] ....
 *
 * @param notValid whether existing rows are left unchecked ({@code NOT VALID})
 * @param usingIndex whether a unique or primary key constraint adopts an index built beforehand
 * @param referencedTable for a foreign key, the table it references; otherwise null
 */
public record AddConstraint(
        String table, String name, ConstraintKind kind, boolean notValid, boolean usingIndex, String referencedTable)
        implements Change {

    @Override
    public List<TableLock> locks() {
        if (kind != ConstraintKind.FOREIGN_KEY) {
            return List.of(new TableLock(table, LockLevel.ACCESS_EXCLUSIVE));
        }
        // Both ends of a new foreign key are locked against writes, not against reads.
        return referencedTable == null
                ? List.of(new TableLock(table, LockLevel.SHARE_ROW_EXCLUSIVE))
                : List.of(
                        new TableLock(table, LockLevel.SHARE_ROW_EXCLUSIVE),
                        new TableLock(referencedTable, LockLevel.SHARE_ROW_EXCLUSIVE));
    }

    @Override
    public String describe() {
        String label = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return "add " + label + " constraint" + (name == null ? "" : " " + name) + " on " + table;
    }
}
