package org.migrationledger.api.queries;

import java.time.Instant;
import java.util.List;

/**
 * A migration as the ledger knows it.
 *
 * @param state {@code PROPOSED}, {@code APPROVED} (fully approved for its current checksum) or {@code REJECTED}
 * @param riskJson the risk assessment as JSON; null when none was given
 * @param analysisJson the static analysis as JSON; null when no script was given
 * @param environments the status in every environment of the promotion path, in path order
 */
public record MigrationView(
        String database,
        String migrationId,
        String version,
        String description,
        String author,
        String proposedBy,
        Instant proposedAt,
        String checksum,
        String category,
        boolean breaking,
        boolean rollbackSafe,
        boolean hasDownScript,
        String expandMigrationId,
        String state,
        String rejectedBy,
        String rejectionReason,
        String riskJson,
        String analysisJson,
        List<ApprovalView> approvals,
        List<EnvironmentStatusView> environments) {

    public MigrationView {
        approvals = List.copyOf(approvals);
        environments = List.copyOf(environments);
    }
}
