package org.migrationledger.ledger;

import java.util.Optional;
import org.migrationledger.api.events.PolicyViolation;

/** A migration rolled back somewhere was pulled for a reason; promoting it further ignores that reason. */
record NotRolledBackElsewhere() implements ApplyRule {

    @Override
    public Optional<PolicyViolation> check(ApplyContext context) {
        MigrationState migration = context.migration();
        return context.ledger().environments().stream()
                .filter(other -> !other.equals(context.environment()))
                .filter(other -> migration.in(other).status() == EnvironmentStatus.ROLLED_BACK)
                .findFirst()
                .map(other -> new PolicyViolation(
                        "ROLLED_BACK_ELSEWHERE",
                        "Migration " + migration.migrationId() + " was rolled back in " + other
                                + " and has not been re-applied there."));
    }
}
