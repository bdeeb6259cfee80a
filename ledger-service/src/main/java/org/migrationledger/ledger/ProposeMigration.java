package org.migrationledger.ledger;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.migrationledger.api.events.ClassificationWaiver;
import org.migrationledger.api.events.LinterEvidence;
import org.migrationledger.api.events.MigrationAnalysis;
import org.migrationledger.api.events.RiskAssessment;

/**
 * Proposes a migration. The declared classification ({@code declaredCategory}, {@code declaredBreaking},
 * {@code declaredRollbackSafe}) may be null, then it is inferred. The analysis is computed at the edge, before the
 * command, because it is pure and slow enough that it should not run while the database's ledger is locked.
 */
public record ProposeMigration(
        @TargetAggregateIdentifier String database,
        String migrationId,
        String version,
        String description,
        String author,
        String proposedBy,
        String checksum,
        String script,
        String downScript,
        String declaredCategory,
        Boolean declaredBreaking,
        Boolean declaredRollbackSafe,
        RiskAssessment risk,
        List<String> verificationQueries,
        String expandMigrationId,
        MigrationAnalysis analysis,
        List<LinterEvidence> linterEvidence,
        ClassificationWaiver waiver) {}
