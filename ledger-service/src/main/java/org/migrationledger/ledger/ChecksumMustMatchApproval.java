package org.migrationledger.ledger;

import java.util.Optional;
import org.migrationledger.api.events.PolicyViolation;

/** Approvals are bound to a checksum: the script that runs must be the one approved (or proposed, before approval). */
record ChecksumMustMatchApproval() implements ApplyRule {

    @Override
    public Optional<PolicyViolation> check(ApplyContext context) {
        MigrationState migration = context.migration();
        boolean approved = migration.approvedChecksum() != null;
        String expected = approved ? migration.approvedChecksum() : migration.checksum();
        // A migration known only from a rollback was never reported with a checksum: there is nothing to differ from.
        if (expected == null || expected.equals(context.checksum())) {
            return Optional.empty();
        }
        return Optional.of(new PolicyViolation(
                "CHECKSUM_MISMATCH",
                "The script's checksum " + context.checksum() + " differs from the "
                        + (approved ? "approved" : "proposed")
                        + " checksum " + expected + " of " + migration.migrationId()
                        + "; a changed script needs a new proposal and fresh approval."));
    }
}
