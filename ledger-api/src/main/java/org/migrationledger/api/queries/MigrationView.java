package org.migrationledger.api.queries;

import java.time.Instant;
import java.util.List;
import org.migrationledger.api.events.ClassificationWaiver;
import org.migrationledger.api.events.LinterEvidence;
import org.migrationledger.api.events.MigrationAnalysis;
import org.migrationledger.api.events.RiskAssessment;

/**
 * A migration as the ledger knows it.
 *
 * @param state {@code PROPOSED}, {@code APPROVED} (fully approved for its current checksum), {@code REJECTED}, or
 *     {@code IMPORTED} (known only from an imported history, never proposed)
 * @param risk the proposer's risk assessment; null when none was given
 * @param analysis the static analysis of the script; null when no script was given
 * @param linterEvidence external linter reports attached to the proposal, verbatim; empty when none
 * @param waiver the waiver that let a declaration weaker than the analysis stand; null when none was needed
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
        RiskAssessment risk,
        MigrationAnalysis analysis,
        List<LinterEvidence> linterEvidence,
        ClassificationWaiver waiver,
        List<ApprovalView> approvals,
        List<EnvironmentStatusView> environments) {

    public MigrationView {
        linterEvidence = List.copyOf(linterEvidence);
        approvals = List.copyOf(approvals);
        environments = List.copyOf(environments);
    }
}
