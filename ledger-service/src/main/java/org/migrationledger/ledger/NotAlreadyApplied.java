package org.migrationledger.ledger;

import java.util.Optional;
import org.migrationledger.api.events.PolicyViolation;

/** A migration runs once per environment; running it again means the target and the ledger disagree. */
record NotAlreadyApplied() implements ApplyRule {

    @Override
    public Optional<PolicyViolation> check(ApplyContext context) {
        if (!context.here().applied()) {
            return Optional.empty();
        }
        return Optional.of(new PolicyViolation(
                "ALREADY_APPLIED",
                "Migration " + context.migration().migrationId() + " is already applied in " + context.environment()
                        + "."));
    }
}
