package org.migrationledger.ledger;

/**
 * What one policy rule looks at when judging an apply (or a gate question about one).
 *
 * @param deployer the authenticated principal who reports the apply; null for a gate question
 */
record ApplyContext(
        LedgerState ledger,
        MigrationState migration,
        String environment,
        String checksum,
        PolicySettings settings,
        String deployer) {

    EnvironmentState here() {
        return migration.in(environment);
    }
}
