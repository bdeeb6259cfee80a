package org.migrationledger.ledger;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.migrationledger.api.events.MigrationHistoryRepaired.RepairedEntry;

/**
 * Records that a migration tool repaired an environment's history table. A fact: refused only for an unknown
 * environment. The entries' {@code migrationId} is filled in by the ledger.
 */
public record RecordHistoryRepair(
        @TargetAggregateIdentifier String database,
        String environment,
        String tool,
        List<RepairedEntry> removedFailed,
        List<RepairedEntry> markedDeleted,
        List<RepairedEntry> realigned) {}
