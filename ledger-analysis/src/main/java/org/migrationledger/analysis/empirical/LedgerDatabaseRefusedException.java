package org.migrationledger.analysis.empirical;

/** Empirical analysis was pointed at a database holding the ledger's own event store; nothing was run. */
public final class LedgerDatabaseRefusedException extends RuntimeException {

    public LedgerDatabaseRefusedException(String message) {
        super(message);
    }
}
