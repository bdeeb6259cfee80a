package org.migrationledger.ledger;

/** The decision state of a migration, independent of where it runs. */
enum MigrationStatus {
    PROPOSED,
    APPROVED,
    REJECTED,
    /** Known only from imported history: it ran before the ledger knew the database, and was never decided on. */
    IMPORTED
}
