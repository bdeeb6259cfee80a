package org.migrationledger.analysis;

/** What the migration runner does with the statements of a script that are outside explicit BEGIN ... COMMIT. */
public enum ScriptTransaction {
    /**
     * Judge from the script itself: Flyway runs a script holding only non-transactional statements (CREATE INDEX
     * CONCURRENTLY) outside a transaction, while a script that mixes them with others ends up in one transaction
     * (pop, golang-migrate's multi-statement exec) or is refused (Flyway).
     */
    DETECT,
    /** The runner wraps the whole script in one transaction, as pop does for non-autocommit files. */
    WRAPPED_BY_RUNNER
}
