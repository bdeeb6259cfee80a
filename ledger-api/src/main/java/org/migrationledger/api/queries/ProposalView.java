package org.migrationledger.api.queries;

import java.util.List;
import org.migrationledger.api.events.ClassificationWaiver;
import org.migrationledger.api.events.LinterEvidence;
import org.migrationledger.api.events.MigrationAnalysis;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.RiskAssessment;

/**
 * What the proposal of a migration says, as its latest revision left it: the fields that every answer about one
 * migration carries, whether built from the proposal's event or from a read model.
 *
 * @param author who wrote the migration; the proposer when not given
 * @param proposedBy who proposed it; null for a migration known only from an imported history
 * @param risk the proposer's risk assessment; null when none was given
 * @param analysis the static analysis of the script; null when no script was given
 * @param linterEvidence external linter reports attached to the proposal, verbatim; empty when none
 * @param waiver the waiver that let a declaration weaker than the analysis stand; null when none was needed
 */
public record ProposalView(
        String database,
        String migrationId,
        String version,
        String description,
        String author,
        String proposedBy,
        String checksum,
        String category,
        boolean breaking,
        boolean rollbackSafe,
        boolean hasDownScript,
        RiskAssessment risk,
        String expandMigrationId,
        MigrationAnalysis analysis,
        List<LinterEvidence> linterEvidence,
        ClassificationWaiver waiver) {

    public ProposalView {
        linterEvidence = linterEvidence == null ? List.of() : List.copyOf(linterEvidence);
    }

    public static ProposalView of(MigrationProposed proposed) {
        return new ProposalView(
                proposed.database(),
                proposed.migrationId(),
                proposed.version(),
                proposed.description(),
                proposed.author(),
                proposed.proposedBy(),
                proposed.checksum(),
                proposed.category(),
                proposed.breaking(),
                proposed.rollbackSafe(),
                proposed.downScript() != null && !proposed.downScript().isBlank(),
                proposed.risk(),
                proposed.expandMigrationId(),
                proposed.analysis(),
                proposed.linterEvidence(),
                proposed.waiver());
    }
}
