package org.migrationledger.ledger;

/** What one policy rule looks at when judging an apply (or a gate question about one). */
record ApplyContext(
        LedgerState ledger, MigrationState migration, String environment, String checksum, PolicySettings settings) {

    EnvironmentState here() {
        return migration.in(environment);
    }
}
