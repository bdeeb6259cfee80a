package org.migrationledger.analysis.change;

import java.util.List;

/** A statement neither the parser nor the keyword classifier understood. */
public record Unrecognised(String firstWords) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of();
    }

    @Override
    public String describe() {
        return "unrecognised statement starting " + firstWords;
    }
}
