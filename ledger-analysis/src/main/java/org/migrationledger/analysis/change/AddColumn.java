package org.migrationledger.analysis.change;

import java.util.ArrayList;
import java.util.List;

/**
 * ALTER TABLE ... ADD COLUMN.
 *
 * @param volatileDefault whether the default must be computed per row (e.g. {@code gen_random_uuid()}), which
 *     forces a table rewrite where a constant default does not
 * @param referencedTable the table an inline REFERENCES clause points at, or null
 */
public record AddColumn(
        String table,
        String column,
        String type,
        boolean notNull,
        boolean hasDefault,
        boolean volatileDefault,
        String referencedTable)
        implements Change {

    @Override
    public List<TableLock> locks() {
        List<TableLock> locks = new ArrayList<>();
        locks.add(new TableLock(table, LockLevel.ACCESS_EXCLUSIVE));
        if (referencedTable != null) {
            locks.add(new TableLock(referencedTable, LockLevel.SHARE_ROW_EXCLUSIVE));
        }
        return locks;
    }

    @Override
    public String describe() {
        return "add column " + table + "." + column;
    }
}
