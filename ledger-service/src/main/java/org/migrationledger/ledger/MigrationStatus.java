package org.migrationledger.ledger;

/** The decision state of a migration, independent of where it runs. */
enum MigrationStatus {
    PROPOSED,
    APPROVED,
    REJECTED
}
