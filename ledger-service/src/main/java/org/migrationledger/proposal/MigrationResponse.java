package org.migrationledger.proposal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import org.migrationledger.api.events.MigrationAnalysis;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.queries.ApprovalView;
import org.migrationledger.api.queries.EnvironmentStatusView;
import org.migrationledger.api.queries.MigrationView;
import org.migrationledger.api.queries.ProposalView;

/**
 * One migration as the API answers it, to its proposal ({@code POST …/migrations}) and to a read ({@code GET
 * …/migrations/{id}}) alike: what the proposal says, its analysis (from the script, or from the declaration), and where
 * it stands.
 *
 * @param proposal what the proposal says, its fields written inline (its stored analysis is shown as {@code analysis})
 * @param status {@code PROPOSED}, {@code APPROVED}, {@code REJECTED}, {@code IMPORTED}, {@code UNPROPOSED} (known
 *     only from a fact a pipeline reported), {@code WITHDRAWN} or {@code SUPERSEDED}
 * @param proposedAt null in the proposal's own answer (the read model stamps it from the stored event)
 * @param verificationQueries the proposal's; null in a read (the read model does not keep them)
 * @param environments the status in every environment of the promotion path, with a failure's error and statement;
 *     empty in the proposal's own answer
 * @param ended who withdrew or superseded the migration, why, and its replacement; null while it is live
 */
record MigrationResponse(
        @JsonUnwrapped @JsonIgnoreProperties("analysis") ProposalView proposal,
        Analysis analysis,
        String status,
        Instant proposedAt,
        List<String> verificationQueries,
        String rejectedBy,
        String rejectionReason,
        List<ApprovalView> approvals,
        List<EnvironmentStatusView> environments,
        MigrationView.EndView ended) {

    /** The answer to a proposal: nothing approved, rejected or applied yet. */
    static MigrationResponse proposed(MigrationProposed proposed) {
        ProposalView proposal = ProposalView.of(proposed);
        return new MigrationResponse(
                proposal,
                Analysis.of(proposal),
                "PROPOSED",
                null,
                proposed.verificationQueries(),
                null,
                null,
                List.of(),
                List.of(),
                null);
    }

    /** The answer to a read, from the compatibility read model. */
    static MigrationResponse of(MigrationView view) {
        return new MigrationResponse(
                view.proposal(),
                Analysis.of(view.proposal()),
                view.state(),
                view.proposedAt(),
                null,
                view.rejectedBy(),
                view.rejectionReason(),
                view.approvals(),
                view.environments(),
                view.ended());
    }

    /**
     * A migration's analysis as every answer of the API shows it.
     *
     * @param basis {@code script} when the SQL was analysed, {@code declared} when only the proposal's declaration
     *     was available
     */
    record Analysis(
            String basis,
            boolean breaking,
            LockRisk lockRisk,
            boolean rollbackSafe,
            String category,
            List<MigrationAnalysis.Finding> findings,
            Integer statementCount,
            Integer unparsedStatementCount) {

        /** From the stored analysis, or from the recorded classification when no script was analysed. */
        static Analysis of(ProposalView proposal) {
            MigrationAnalysis analysis = proposal.analysis();
            if (analysis == null) {
                return new Analysis(
                        "declared",
                        proposal.breaking(),
                        null,
                        proposal.rollbackSafe(),
                        proposal.category(),
                        List.of(),
                        null,
                        null);
            }
            return new Analysis(
                    "script",
                    analysis.breaking(),
                    new LockRisk(analysis.strongestLock(), analysis.lockedTables()),
                    analysis.rollbackSafe(),
                    analysis.category(),
                    analysis.findings(),
                    analysis.statementCount(),
                    analysis.unparsedStatementCount());
        }
    }

    record LockRisk(String level, List<String> tables) {}
}
