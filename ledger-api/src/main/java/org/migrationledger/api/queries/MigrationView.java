package org.migrationledger.api.queries;

import java.time.Instant;
import java.util.List;

/**
 * A migration as the ledger knows it.
 *
 * @param proposal what its proposal says, as its latest revision left it
 * @param proposedAt when it was proposed, or first imported
 * @param state {@code PROPOSED}, {@code APPROVED} (fully approved for its current checksum), {@code REJECTED},
 *     {@code IMPORTED} (known only from an imported history, never proposed), {@code UNPROPOSED} (known only from a
 *     fact a pipeline reported), {@code WITHDRAWN} or {@code SUPERSEDED}
 * @param ended who withdrew or superseded it, why, and its replacement; null while it is live
 * @param environments the status in every environment of the promotion path, in path order
 */
public record MigrationView(
        ProposalView proposal,
        Instant proposedAt,
        String state,
        String rejectedBy,
        String rejectionReason,
        List<ApprovalView> approvals,
        List<EnvironmentStatusView> environments,
        EndView ended) {

    /**
     * A decision that ended the migration.
     *
     * @param replacementMigrationId the migration that replaces it; null for a withdrawal
     */
    public record EndView(String state, String by, String reason, String replacementMigrationId) {}

    public MigrationView {
        approvals = List.copyOf(approvals);
        environments = List.copyOf(environments);
    }
}
