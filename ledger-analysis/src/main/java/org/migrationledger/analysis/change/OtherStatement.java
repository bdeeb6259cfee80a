package org.migrationledger.analysis.change;

import java.util.List;

/** A statement no rule looks at, e.g. CREATE FUNCTION or GRANT, with the locks it is known to take. */
public record OtherStatement(String kind, List<TableLock> locks) implements Change {

    @Override
    public List<TableLock> locks() {
        return locks;
    }

    @Override
    public String describe() {
        return kind.toLowerCase(java.util.Locale.ROOT);
    }
}
