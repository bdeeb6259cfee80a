package org.migrationledger.ledger;

/** The decision state of a migration, independent of where it runs. */
enum MigrationStatus {
    PROPOSED,
    APPROVED,
    REJECTED,
    /** Known only from imported history: it ran before the ledger knew the database, and was never decided on. */
    IMPORTED,
    /** Known only from a fact a pipeline reported: it ran without being proposed. A proposal of it adopts it. */
    UNPROPOSED,
    /** Withdrawn by its proposer or an admin before it ran anywhere. */
    WITHDRAWN,
    /** Replaced by another migration; where it already ran, its facts stay. */
    SUPERSEDED;

    /** Whether the migration is still meant to run: not withdrawn, not replaced. */
    boolean live() {
        return this != WITHDRAWN && this != SUPERSEDED;
    }
}
