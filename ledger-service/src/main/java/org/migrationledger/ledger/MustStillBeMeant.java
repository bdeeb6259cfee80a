package org.migrationledger.ledger;

import java.util.Optional;
import org.migrationledger.api.events.PolicyViolation;

/**
 * A migration runs only as proposed and still meant: one that ran unproposed, was withdrawn or was superseded breaks
 * policy in every environment, the first included.
 */
record MustStillBeMeant() implements ApplyRule {

    @Override
    public Optional<PolicyViolation> check(ApplyContext context) {
        MigrationState migration = context.migration();
        String id = migration.migrationId();
        return switch (migration.status()) {
            case PROPOSED, APPROVED, REJECTED, IMPORTED -> Optional.empty();
            case UNPROPOSED ->
                Optional.of(new PolicyViolation(
                        "NOT_PROPOSED",
                        "Migration " + id + " was never proposed in the ledger; propose it (same id and checksum) to"
                                + " put it under review."));
            case WITHDRAWN ->
                Optional.of(new PolicyViolation(
                        "WITHDRAWN",
                        "Migration " + id + " was withdrawn and must not run in " + context.environment() + "."));
            case SUPERSEDED ->
                Optional.of(new PolicyViolation(
                        "SUPERSEDED",
                        "Migration " + id + " was superseded by another migration and must not run in "
                                + context.environment() + "."));
        };
    }
}
