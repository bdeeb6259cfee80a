package org.migrationledger.analysis.change;

import java.util.List;

/** ALTER TYPE ... RENAME VALUE. */
public record RenameEnumValue(String type, String value, String newValue) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of();
    }

    @Override
    public String describe() {
        return "rename enum value " + value + " of " + type + " to " + newValue;
    }
}
