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
import org.migrationledger.naming.VersionOrder;
import org.migrationledger.projection.path.PathTrackingProjection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes one generation of the version history: the promotion path, the migrations with their version keys, and one
 * entry per apply, closed by the rollback that undoes it.
 */
class VersionHistoryProjection extends PathTrackingProjection {

    /** Follows a {@code migration} CTE that returns the migration's key when it was written. */
    private static final String REKEY_ENTRIES = """
            update version_history_entry e set version_key = m.version_key from migration m
            where e.generation = m.generation and e.database_name = m.database_name and e.migration_id = m.migration_id
            and e.version_key is distinct from m.version_key""";

    /**
     * One entry, numbered after the environment's last; the count goes up only when the apply is new, so a redelivered
     * apply changes nothing. The redelivery is told by the apply's unique key, as an insert conflict: asked as an
     * existence check, the planner's generic plan took the version index and read every entry of the database for
     * each apply, which grew the rebuild with the history.
     */
    static final String RECORD_APPLY = """
            with entry as (
                insert into version_history_entry (generation, database_name, environment, ordinal,
                sequence_number, migration_id, version_key, applied_at, applied_by)
                select :generation, :database, :environment,
                coalesce((select entries from version_history_tally where generation = :generation
                          and database_name = :database and environment = :environment), 0) + 1,
                :sequence, :migration,
                (select version_key from version_history_migration where generation = :generation
                 and database_name = :database and migration_id = :migration), :appliedAt, :principal
                on conflict (generation, database_name, sequence_number) do nothing
                returning ordinal)
            insert into version_history_tally as t (generation, database_name, environment, entries)
            select :generation, :database, :environment, ordinal from entry
            on conflict (generation, database_name, environment) do update set entries = excluded.entries""";

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

    /** A proposal names the version; applies recorded before it (unproposed facts) take its key now. */
    @EventHandler
    void on(MigrationProposed event) {
        jdbc.sql("""
                        with migration as (
                            insert into version_history_migration (generation, database_name, migration_id, version,
                            description, rollback_safe, version_key) values (?, ?, ?, ?, ?, ?, ?)
                            on conflict (generation, database_name, migration_id) do update set version =
                            excluded.version, description = excluded.description, rollback_safe = excluded.rollback_safe,
                            version_key = excluded.version_key
                            returning generation, database_name, migration_id, version_key)
                        %s""".formatted(REKEY_ENTRIES))
                .params(
                        generation,
                        event.database(),
                        event.migrationId(),
                        event.version(),
                        event.description(),
                        event.rollbackSafe(),
                        VersionOrder.sortKey(event.version()))
                .update();
    }

    @EventHandler
    void on(
            MigrationApplied event,
            @SequenceNumber long sequence,
            @Timestamp Instant recordedAt,
            @MetaDataValue(EventMetadata.PRINCIPAL) String principal) {
        Instant appliedAt = event.startedAt() != null ? event.startedAt() : recordedAt;
        recordApply(event.database(), sequence, event.environment(), event.migrationId(), appliedAt, principal);
    }

    /**
     * Closes the latest apply of the migration still open in the environment, unless this rollback closed one already
     * (a redelivery, which must not close an earlier apply).
     */
    @EventHandler
    void on(
            MigrationRolledBack event,
            @SequenceNumber long sequence,
            @Timestamp Instant recordedAt,
            @MetaDataValue(EventMetadata.PRINCIPAL) String principal) {
        jdbc.sql("""
                        update version_history_entry set rolled_back_sequence = :sequence, rolled_back_at = :at,
                        rolled_back_by = :principal
                        where generation = :generation and database_name = :database and sequence_number = (
                            select max(sequence_number) from version_history_entry
                            where generation = :generation and database_name = :database and migration_id = :migration
                            and environment = :environment and rolled_back_sequence is null
                            and sequence_number < :sequence)
                        and not exists (
                            select 1 from version_history_entry
                            where generation = :generation and database_name = :database and migration_id = :migration
                            and environment = :environment and rolled_back_sequence = :sequence)""")
                .param("sequence", sequence)
                .param("at", java.sql.Timestamp.from(recordedAt))
                .param("principal", principal)
                .param("generation", generation)
                .param("database", event.database())
                .param("migration", event.migrationId())
                .param("environment", event.environment())
                .update();
    }

    /** A run imported from history that predates the ledger: applied when, and by whom, the history says. */
    @EventHandler
    void on(MigrationRunImported event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (event.newToLedger()) {
            jdbc.sql("""
                            with migration as (
                                insert into version_history_migration (generation, database_name, migration_id,
                                version, description, rollback_safe, version_key) values (?, ?, ?, ?, ?, ?, ?)
                                on conflict do nothing
                                returning generation, database_name, migration_id, version_key)
                            %s""".formatted(REKEY_ENTRIES))
                    .params(
                            generation,
                            event.database(),
                            event.migrationId(),
                            event.version(),
                            event.description(),
                            event.rollbackSafe(),
                            VersionOrder.sortKey(event.version()))
                    .update();
        }
        if (event.success()) {
            recordApply(
                    event.database(),
                    sequence,
                    event.environment(),
                    event.migrationId(),
                    event.installedOn(),
                    event.installedBy());
        }
    }

    private void recordApply(
            String database,
            long sequence,
            String environment,
            String migrationId,
            Instant appliedAt,
            String principal) {
        jdbc.sql(RECORD_APPLY)
                .param("generation", generation)
                .param("database", database)
                .param("environment", environment)
                .param("sequence", sequence)
                .param("migration", migrationId)
                .param("appliedAt", java.sql.Timestamp.from(appliedAt))
                .param("principal", principal)
                .update();
    }
}
