package org.migrationledger.analysis.split;

/** What a statement does to the explicit transaction block, so later rules know whether they run inside one. */
public enum TransactionControl {
    NONE,
    BEGIN,
    COMMIT,
    ROLLBACK
}
