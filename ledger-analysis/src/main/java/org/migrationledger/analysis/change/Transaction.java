package org.migrationledger.analysis.change;

import java.util.List;

/** BEGIN, COMMIT or ROLLBACK. */
public record Transaction(org.migrationledger.analysis.split.TransactionControl control) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of();
    }

    @Override
    public String describe() {
        return control.name().toLowerCase(java.util.Locale.ROOT);
    }
}
