package org.migrationledger.analysis.change;

import java.util.List;

/** Deletes a value straight from pg_enum, bypassing every safety check PostgreSQL has. */
public record RemoveEnumValue(String type, String value) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of();
    }

    @Override
    public String describe() {
        return "remove enum value " + value + " from " + type;
    }
}
