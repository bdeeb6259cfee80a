package org.migrationledger.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.migrationledger.api.events.PolicyViolation;

/** All migrations that come earlier in apply order must already be applied in the environment. */
record EarlierMigrationsFirst() implements ApplyRule {

    private static final int NAMED_AT_MOST = 5;

    @Override
    public Optional<PolicyViolation> check(ApplyContext context) {
        // A loop over the ledger's view: a stream would first count a sub-map, which walks it once more.
        List<String> missing = new ArrayList<>();
        for (MigrationState earlier :
                context.ledger().migrationsBefore(context.migration().migrationId())) {
            // A withdrawn or superseded migration is not meant to run: nothing waits for it.
            if (earlier.status().live() && !earlier.in(context.environment()).applied()) {
                missing.add(earlier.migrationId());
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String named = String.join(", ", missing.subList(0, Math.min(NAMED_AT_MOST, missing.size())));
        String more = missing.size() > NAMED_AT_MOST ? " and " + (missing.size() - NAMED_AT_MOST) + " more" : "";
        return Optional.of(new PolicyViolation(
                "EARLIER_MIGRATION_MISSING",
                missing.size() + " earlier migration(s) are not applied in " + context.environment() + ": " + named
                        + more + "."));
    }
}
