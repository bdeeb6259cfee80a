package org.migrationledger.ledger;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.migrationledger.api.events.SchemaSnapshotObserved;

/**
 * Records what a pipeline observed in an environment's database. A fact: refused only for an unknown environment.
 *
 * @param schema null when only the history was observed
 * @param flywayHistory null when not observed; the rows' {@code migrationId} is filled in by the ledger
 */
public record RecordSchemaSnapshot(
        @TargetAggregateIdentifier String database,
        String environment,
        Instant capturedAt,
        String trigger,
        SchemaSnapshotObserved.Schema schema,
        List<SchemaSnapshotObserved.HistoryRow> flywayHistory) {}
