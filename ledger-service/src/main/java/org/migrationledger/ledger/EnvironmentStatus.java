package org.migrationledger.ledger;

/** Where one migration stands in one environment; {@code PENDING} when nothing was reported there yet. */
enum EnvironmentStatus {
    PENDING,
    APPLIED,
    FAILED,
    ROLLED_BACK
}
