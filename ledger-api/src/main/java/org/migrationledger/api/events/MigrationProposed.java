package org.migrationledger.api.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A migration was proposed for a database and awaits approval; emitted by {@code POST /databases/{db}/migrations}.
 *
 * <p>Revision 2 added {@code category}; revision 1 events are upcast with an inferred category.
 *
 * @param migrationId normalised {@code NNNN_snake_description} id
 * @param version the schema version (semver) after this migration
 * @param author who wrote the migration; defaults to the proposer
 * @param proposedBy the authenticated principal who proposed it
 * @param checksum SHA-256 (hex) of the script; computed by the ledger when the script is given
 * @param script the up script; may be null when only the checksum is known
 * @param downScript the down script; null when there is none
 * @param category {@code expand}, {@code migrate} or {@code contract}: declared, else inferred
 * @param breaking whether the change breaks running application code: declared or found by analysis
 * @param rollbackSafe whether rolling it back is safe: false without a down script
 * @param risk the proposer's risk assessment
 * @param verificationQueries queries to run after applying; empty when none
 * @param expandMigrationId for a {@code contract} migration, the {@code expand} migration it completes; may be null
 * @param analysis the static analysis of the script; null when no script was given
 * @param linterEvidence external linter reports attached by the proposer; empty when none
 * @param waiver present when the declared classification is weaker than the analysis; null otherwise
 */
@Revision("2")
public record MigrationProposed(
        String database,
        String migrationId,
        String version,
        String description,
        String author,
        String proposedBy,
        String checksum,
        String script,
        String downScript,
        String category,
        boolean breaking,
        boolean rollbackSafe,
        RiskAssessment risk,
        List<String> verificationQueries,
        String expandMigrationId,
        MigrationAnalysis analysis,
        List<LinterEvidence> linterEvidence,
        ClassificationWaiver waiver)
        implements LedgerEvent {

    public MigrationProposed {
        verificationQueries = List.copyOf(verificationQueries);
        linterEvidence = List.copyOf(linterEvidence);
    }
}
