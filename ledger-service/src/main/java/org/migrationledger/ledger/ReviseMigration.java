package org.migrationledger.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.migrationledger.api.events.MigrationAnalysis;

/** Replaces the script of a proposed migration; the analysis of the new script is computed at the edge. */
public record ReviseMigration(
        @TargetAggregateIdentifier String database,
        String migrationId,
        String revisedBy,
        String checksum,
        String script,
        String downScript,
        String reason,
        MigrationAnalysis analysis) {}
