package org.migrationledger.analysis.change;

import java.util.List;

/** ALTER TYPE ... RENAME TO, the first step of swapping an enum for a smaller one. */
public record RenameType(String type, String newName) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of();
    }

    @Override
    public String describe() {
        return "rename type " + type + " to " + newName;
    }
}
