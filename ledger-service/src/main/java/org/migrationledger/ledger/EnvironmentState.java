package org.migrationledger.ledger;

/**
 * The last fact about one migration in one environment.
 *
 * @param checksum the checksum last applied or attempted there; null while pending
 * @param releasesBefore how many releases the environment had seen when the migration was applied there, so the
 *     stability window of a later {@code contract} migration can be counted
 */
record EnvironmentState(EnvironmentStatus status, String checksum, int releasesBefore) {

    static final EnvironmentState PENDING = new EnvironmentState(EnvironmentStatus.PENDING, null, 0);

    boolean applied() {
        return status == EnvironmentStatus.APPLIED;
    }
}
