package org.migrationledger.ledger;

import java.util.Optional;
import org.migrationledger.api.events.PolicyViolation;

/**
 * A {@code contract} migration follows its {@code expand} counterpart only after that has run in the last
 * environment for the stability window (a number of releases), so the code that still needs the old shape is gone.
 */
record ContractAfterStabilityWindow() implements ApplyRule {

    @Override
    public Optional<PolicyViolation> check(ApplyContext context) {
        MigrationState migration = context.migration();
        if (!"contract".equals(migration.category()) || migration.expandMigrationId() == null) {
            return Optional.empty();
        }
        String last = context.ledger().lastEnvironment();
        int window = context.settings().contractStabilityReleases();
        EnvironmentState expand = context.ledger()
                .migration(migration.expandMigrationId())
                .map(counterpart -> counterpart.in(last))
                .orElse(EnvironmentState.PENDING);
        if (!expand.applied()) {
            return Optional.of(violation(
                    "its expand migration " + migration.expandMigrationId() + " is not applied in " + last + " yet",
                    migration));
        }
        int releasesSince = context.ledger().releasesIn(last) - expand.releasesBefore();
        if (releasesSince >= window) {
            return Optional.empty();
        }
        return Optional.of(violation(
                releasesSince + " of the " + window + " releases of the stability window reached " + last
                        + " since its expand migration " + migration.expandMigrationId() + " was applied there",
                migration));
    }

    private static PolicyViolation violation(String why, MigrationState migration) {
        return new PolicyViolation(
                "CONTRACT_BEFORE_STABILITY_WINDOW",
                "Contract migration " + migration.migrationId() + " is premature: " + why + ".");
    }
}
