package org.migrationledger.ledger;

import java.util.Optional;
import org.migrationledger.api.events.PolicyViolation;

/** Every environment after the first needs a completed approval; a rejected migration never qualifies. */
record MustBeApproved() implements ApplyRule {

    @Override
    public Optional<PolicyViolation> check(ApplyContext context) {
        MigrationState migration = context.migration();
        if (context.ledger().isFirstEnvironment(context.environment())) {
            return Optional.empty();
        }
        return switch (migration.status()) {
            // MustStillBeMeant names what is wrong with these; "not approved" would only repeat it.
            case APPROVED, UNPROPOSED, WITHDRAWN, SUPERSEDED -> Optional.empty();
            case REJECTED ->
                Optional.of(new PolicyViolation(
                        "REJECTED",
                        "Migration " + migration.migrationId() + " was rejected and must not run in "
                                + context.environment() + "."));
            case PROPOSED -> Optional.of(new PolicyViolation("NOT_APPROVED", notApprovedDetail(context)));
            case IMPORTED ->
                Optional.of(new PolicyViolation(
                        "NOT_APPROVED",
                        "Migration " + migration.migrationId() + " is known only from imported history and was never"
                                + " approved in the ledger; approve it before it runs in " + context.environment()
                                + "."));
        };
    }

    private static String notApprovedDetail(ApplyContext context) {
        MigrationState migration = context.migration();
        int have = migration.approvals().size();
        String needed = migration.needsDbaAndTwoApprovers()
                ? "two approvals, one by a dba, because it is breaking or high-impact"
                : "one approval";
        return "Migration " + migration.migrationId() + " is not approved for " + context.environment() + ": it needs "
                + needed + " and has " + have + ".";
    }
}
