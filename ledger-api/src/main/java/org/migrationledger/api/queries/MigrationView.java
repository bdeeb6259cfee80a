package org.migrationledger.api.queries;

import java.time.Instant;
import java.util.List;

/**
 * A migration as the ledger knows it.
 *
 * @param proposal what its proposal says, as its latest revision left it
 * @param proposedAt when it was proposed, or first imported
 * @param state {@code PROPOSED}, {@code APPROVED} (fully approved for its current checksum), {@code REJECTED}, or
 *     {@code IMPORTED} (known only from an imported history, never proposed)
 * @param environments the status in every environment of the promotion path, in path order
 */
public record MigrationView(
        ProposalView proposal,
        Instant proposedAt,
        String state,
        String rejectedBy,
        String rejectionReason,
        List<ApprovalView> approvals,
        List<EnvironmentStatusView> environments) {

    public MigrationView {
        approvals = List.copyOf(approvals);
        environments = List.copyOf(environments);
    }
}
