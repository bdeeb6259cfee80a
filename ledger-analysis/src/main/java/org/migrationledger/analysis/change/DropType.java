package org.migrationledger.analysis.change;

import java.util.List;

/** DROP TYPE; for an enum this removes all its values. */
public record DropType(String type) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of();
    }

    @Override
    public String describe() {
        return "drop type " + type;
    }
}
