package org.migrationledger.projection.observed;

import java.sql.Timestamp;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRolledBack;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.api.events.SchemaSnapshotObserved;
import org.migrationledger.projection.path.PathTrackingProjection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes one generation of the observed-schema read model: observations of the target databases, and the ledger's
 * own facts they are reconciled with. Every write is an idempotent upsert keyed by the event's sequence number.
 */
class ObservedSchemaProjection extends PathTrackingProjection {

    ObservedSchemaProjection(JdbcClient jdbc, int generation) {
        super(jdbc, generation, "observed_environment");
    }

    @EventHandler
    void on(MigrationProposed event) {
        jdbc.sql("""
                        insert into observed_migration (generation, database_name, migration_id, version)
                        values (?, ?, ?, ?) on conflict (generation, database_name, migration_id)
                        do update set version = excluded.version""")
                .params(generation, event.database(), event.migrationId(), event.version())
                .update();
    }

    @EventHandler
    void on(MigrationApplied event, @SequenceNumber long sequence) {
        fact(event.database(), sequence, event.environment(), event.migrationId(), "APPLIED");
    }

    @EventHandler
    void on(MigrationApplyFailed event, @SequenceNumber long sequence) {
        fact(event.database(), sequence, event.environment(), event.migrationId(), "FAILED");
    }

    @EventHandler
    void on(MigrationRolledBack event, @SequenceNumber long sequence) {
        fact(event.database(), sequence, event.environment(), event.migrationId(), "ROLLED_BACK");
    }

    @EventHandler
    void on(MigrationRunImported event, @SequenceNumber long sequence) {
        if (event.newToLedger()) {
            jdbc.sql("""
                            insert into observed_migration (generation, database_name, migration_id, version)
                            values (?, ?, ?, ?) on conflict do nothing""")
                    .params(generation, event.database(), event.migrationId(), event.version())
                    .update();
        }
        fact(
                event.database(),
                sequence,
                event.environment(),
                event.migrationId(),
                event.success() ? "APPLIED" : "FAILED");
    }

    @EventHandler
    void on(SchemaSnapshotObserved event, @SequenceNumber long sequence) {
        Timestamp capturedAt = Timestamp.from(event.capturedAt());
        if (event.schema() != null) {
            String schema = ObservedJson.write(event.schema());
            jdbc.sql("""
                            insert into observed_schema (generation, database_name, environment, schema_version,
                            first_sequence, first_captured_at, first_schema, last_sequence, last_captured_at,
                            last_schema) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (generation, database_name, environment, schema_version) do update set
                            first_sequence = least(observed_schema.first_sequence, excluded.first_sequence),
                            first_captured_at = case when excluded.first_sequence < observed_schema.first_sequence
                            then excluded.first_captured_at else observed_schema.first_captured_at end,
                            first_schema = case when excluded.first_sequence < observed_schema.first_sequence
                            then excluded.first_schema else observed_schema.first_schema end,
                            last_sequence = greatest(observed_schema.last_sequence, excluded.last_sequence),
                            last_captured_at = case when excluded.last_sequence > observed_schema.last_sequence
                            then excluded.last_captured_at else observed_schema.last_captured_at end,
                            last_schema = case when excluded.last_sequence > observed_schema.last_sequence
                            then excluded.last_schema else observed_schema.last_schema end""")
                    .params(
                            generation,
                            event.database(),
                            event.environment(),
                            event.schemaVersion() == null ? "" : event.schemaVersion(),
                            sequence,
                            capturedAt,
                            schema,
                            sequence,
                            capturedAt,
                            schema)
                    .update();
        }
        if (event.flywayHistory() != null) {
            jdbc.sql("""
                            insert into observed_history (generation, database_name, environment, sequence_number,
                            captured_at, history) values (?, ?, ?, ?, ?, ?)
                            on conflict (generation, database_name, environment) do update set
                            sequence_number = excluded.sequence_number, captured_at = excluded.captured_at,
                            history = excluded.history
                            where observed_history.sequence_number < excluded.sequence_number""")
                    .params(
                            generation,
                            event.database(),
                            event.environment(),
                            sequence,
                            capturedAt,
                            ObservedJson.write(event.flywayHistory()))
                    .update();
        }
    }

    private void fact(String database, long sequence, String environment, String migrationId, String kind) {
        jdbc.sql("""
                        insert into observed_fact (generation, database_name, sequence_number, environment, migration_id,
                        kind) values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(generation, database, sequence, environment, migrationId, kind)
                .update();
    }
}
