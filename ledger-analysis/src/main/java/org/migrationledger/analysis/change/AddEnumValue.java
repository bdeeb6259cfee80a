package org.migrationledger.analysis.change;

import java.util.List;

/** ALTER TYPE ... ADD VALUE. */
public record AddEnumValue(String type, String value) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of();
    }

    @Override
    public String describe() {
        return "add value " + value + " to enum " + type;
    }
}
