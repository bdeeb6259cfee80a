package org.migrationledger.analysis.change;

import java.util.List;

/** CREATE TYPE; enumValues is empty for types that are not enums. */
public record CreateType(String type, List<String> enumValues) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of();
    }

    @Override
    public String describe() {
        return "create type " + type;
    }
}
