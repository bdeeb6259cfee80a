package org.migrationledger.ledger;

import java.util.Optional;
import org.migrationledger.api.events.PolicyViolation;

/** A migration reaches an environment only after it ran, with the same checksum, in the one before it. */
record PreviousEnvironmentFirst() implements ApplyRule {

    @Override
    public Optional<PolicyViolation> check(ApplyContext context) {
        return context.ledger().environmentBefore(context.environment()).flatMap(previous -> check(context, previous));
    }

    private static Optional<PolicyViolation> check(ApplyContext context, String previous) {
        EnvironmentState there = context.migration().in(previous);
        String migrationId = context.migration().migrationId();
        if (!there.applied()) {
            return Optional.of(new PolicyViolation(
                    "PREVIOUS_ENVIRONMENT_SKIPPED",
                    "Migration " + migrationId + " is not applied in " + previous + ", which comes before "
                            + context.environment() + " in the promotion path."));
        }
        if (!there.checksum().equals(context.checksum())) {
            return Optional.of(new PolicyViolation(
                    "PREVIOUS_ENVIRONMENT_CHECKSUM_DIFFERS",
                    "Migration " + migrationId + " ran in " + previous + " with checksum " + there.checksum()
                            + ", not with " + context.checksum() + "."));
        }
        return Optional.empty();
    }
}
