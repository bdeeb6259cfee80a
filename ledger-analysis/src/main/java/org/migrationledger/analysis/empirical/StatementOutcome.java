package org.migrationledger.analysis.empirical;

/** What happened to one statement of the script during the empirical run. */
public record StatementOutcome(int index, String statement, Status status, String detail, long durationMillis) {

    public enum Status {
        EXECUTED,
        /** Cannot run inside a transaction block (CREATE INDEX CONCURRENTLY, VACUUM, ...): reported, not run. */
        SKIPPED_NOT_TRANSACTIONAL,
        /** The script's own BEGIN/COMMIT/ROLLBACK: the analyzer owns the transaction. */
        SKIPPED_TRANSACTION_CONTROL,
        FAILED,
        /** After a failure nothing else runs. */
        NOT_REACHED
    }
}
