package org.migrationledger.projection.history;

import java.time.Instant;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.migrationledger.api.events.EventMetadata;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRevised;
import org.migrationledger.api.events.MigrationRolledBack;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.projection.path.PathTrackingProjection;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes one generation of the version history: the promotion path, migrations, and applies and rollbacks. */
class VersionHistoryProjection extends PathTrackingProjection {

    VersionHistoryProjection(JdbcClient jdbc, int generation) {
        super(jdbc, generation, "version_history_environment");
    }

    @EventHandler
    void on(MigrationRevised event) {
        jdbc.sql("""
                        update version_history_migration set rollback_safe = ? where generation = ? and database_name = ?
                        and migration_id = ?""")
                .params(event.rollbackSafe(), generation, event.database(), event.migrationId())
                .update();
    }

    @EventHandler
    void on(MigrationProposed event) {
        jdbc.sql("""
                                insert into version_history_migration (generation, database_name, migration_id, version,
                                description, rollback_safe) values (?, ?, ?, ?, ?, ?)
                                on conflict (generation, database_name, migration_id) do update set version =
                                excluded.version, description = excluded.description, rollback_safe = excluded.rollback_safe""")
                .params(
                        generation,
                        event.database(),
                        event.migrationId(),
                        event.version(),
                        event.description(),
                        event.rollbackSafe())
                .update();
    }

    @EventHandler
    void on(
            MigrationApplied event,
            @SequenceNumber long sequence,
            @Timestamp Instant recordedAt,
            @MetaDataValue(EventMetadata.PRINCIPAL) String principal) {
        Instant appliedAt = event.startedAt() != null ? event.startedAt() : recordedAt;
        insertFact(
                event.database(),
                sequence,
                event.environment(),
                event.migrationId(),
                "APPLIED",
                appliedAt,
                recordedAt,
                principal);
    }

    @EventHandler
    void on(
            MigrationRolledBack event,
            @SequenceNumber long sequence,
            @Timestamp Instant recordedAt,
            @MetaDataValue(EventMetadata.PRINCIPAL) String principal) {
        insertFact(
                event.database(),
                sequence,
                event.environment(),
                event.migrationId(),
                "ROLLED_BACK",
                recordedAt,
                recordedAt,
                principal);
    }

    /** A run imported from history that predates the ledger: applied when, and by whom, the history says. */
    @EventHandler
    void on(MigrationRunImported event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (event.newToLedger()) {
            jdbc.sql("""
                            insert into version_history_migration (generation, database_name, migration_id, version,
                            description, rollback_safe) values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(
                            generation,
                            event.database(),
                            event.migrationId(),
                            event.version(),
                            event.description(),
                            event.rollbackSafe())
                    .update();
        }
        if (event.success()) {
            insertFact(
                    event.database(),
                    sequence,
                    event.environment(),
                    event.migrationId(),
                    "APPLIED",
                    event.installedOn(),
                    recordedAt,
                    event.installedBy());
        }
    }

    private void insertFact(
            String database,
            long sequence,
            String environment,
            String migrationId,
            String kind,
            Instant effectiveAt,
            Instant recordedAt,
            String principal) {
        jdbc.sql("""
                        insert into version_history_fact (generation, database_name, sequence_number, environment,
                        migration_id, kind, effective_at, recorded_at, principal) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(
                        generation,
                        database,
                        sequence,
                        environment,
                        migrationId,
                        kind,
                        java.sql.Timestamp.from(effectiveAt),
                        java.sql.Timestamp.from(recordedAt),
                        principal)
                .update();
    }
}
