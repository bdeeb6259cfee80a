package org.migrationledger.projection.compatibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.migrationledger.api.events.EventMetadata;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationApproved;
import org.migrationledger.api.events.MigrationHistoryRepaired;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRejected;
import org.migrationledger.api.events.MigrationRevised;
import org.migrationledger.api.events.MigrationRolledBack;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.api.events.MigrationSuperseded;
import org.migrationledger.api.events.MigrationWithdrawn;
import org.migrationledger.api.events.ReleaseDeployed;
import org.migrationledger.api.events.UnproposedMigrationNoticed;
import org.migrationledger.naming.VersionOrder;
import org.migrationledger.projection.path.PathTrackingProjection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes one generation of the compatibility read model. Keyed by (database, sequence number) or guarded by the last
 * sequence number, so a redelivered event changes nothing.
 */
class CompatibilityProjection extends PathTrackingProjection {

    CompatibilityProjection(JdbcClient jdbc, int generation) {
        super(jdbc, generation, "compatibility_environment");
    }

    @EventHandler
    void on(MigrationProposed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        insert into compatibility_migration (generation, database_name, migration_id, proposal_sequence,
                        version, description, author, proposed_by, proposed_at, checksum, category, breaking,
                        rollback_safe, has_down_script, expand_migration_id, risk, analysis, linter_evidence, waiver,
                        version_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb),
                        cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?)
                        on conflict (generation, database_name, migration_id) do update set
                        proposal_sequence = excluded.proposal_sequence, version = excluded.version,
                        version_key = excluded.version_key,
                        description = excluded.description, author = excluded.author,
                        proposed_by = excluded.proposed_by, proposed_at = excluded.proposed_at,
                        checksum = excluded.checksum, category = excluded.category, breaking = excluded.breaking,
                        rollback_safe = excluded.rollback_safe, has_down_script = excluded.has_down_script,
                        expand_migration_id = excluded.expand_migration_id, risk = excluded.risk,
                        analysis = excluded.analysis, linter_evidence = excluded.linter_evidence,
                        waiver = excluded.waiver, unproposed = false
                        where compatibility_migration.proposal_sequence <= excluded.proposal_sequence""")
                .params(
                        generation,
                        event.database(),
                        event.migrationId(),
                        sequence,
                        event.version(),
                        event.description(),
                        event.author(),
                        event.proposedBy(),
                        java.sql.Timestamp.from(recordedAt),
                        event.checksum(),
                        event.category(),
                        event.breaking(),
                        event.rollbackSafe(),
                        event.downScript() != null && !event.downScript().isBlank(),
                        event.expandMigrationId(),
                        json(event.risk()),
                        json(event.analysis()),
                        json(event.linterEvidence()),
                        json(event.waiver()),
                        VersionOrder.sortKey(event.version()))
                .update();
    }

    /** The revised script replaces the definition; approvals bound to the old checksum no longer count. */
    @EventHandler
    void on(MigrationRevised event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        update compatibility_migration set proposal_sequence = ?, checksum = ?, category = ?, breaking = ?,
                        rollback_safe = ?, has_down_script = ?, analysis = cast(? as jsonb)
                        where generation = ? and database_name = ? and migration_id = ? and proposal_sequence <= ?""")
                .params(
                        sequence,
                        event.checksum(),
                        event.category(),
                        event.breaking(),
                        event.rollbackSafe(),
                        event.downScript() != null && !event.downScript().isBlank(),
                        json(event.analysis()),
                        generation,
                        event.database(),
                        event.migrationId(),
                        sequence)
                .update();
    }

    /** A migration that ran unproposed: known from the fact that follows, with nothing proposed about it. */
    @EventHandler
    void on(UnproposedMigrationNoticed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        insert into compatibility_migration (generation, database_name, migration_id, proposal_sequence,
                        version, proposed_at, checksum, breaking, rollback_safe, has_down_script, unproposed,
                        version_key) values (?, ?, ?, ?, ?, ?, ?, false, false, false, true, ?)
                        on conflict (generation, database_name, migration_id) do nothing""")
                .params(
                        generation,
                        event.database(),
                        event.migrationId(),
                        sequence,
                        event.version(),
                        java.sql.Timestamp.from(recordedAt),
                        event.checksum(),
                        VersionOrder.sortKey(event.version()))
                .update();
    }

    @EventHandler
    void on(MigrationWithdrawn event) {
        ended(event.database(), event.migrationId(), "WITHDRAWN", event.withdrawnBy(), event.reason(), null);
    }

    @EventHandler
    void on(MigrationSuperseded event) {
        ended(
                event.database(),
                event.migrationId(),
                "SUPERSEDED",
                event.supersededBy(),
                event.reason(),
                event.replacementMigrationId());
    }

    private void ended(
            String database, String migrationId, String state, String by, String reason, String replacement) {
        jdbc.sql("""
                        update compatibility_migration set ended_state = ?, ended_by = ?, end_reason = ?,
                        replacement_migration_id = ? where generation = ? and database_name = ? and migration_id = ?""")
                .params(state, by, reason, replacement, generation, database, migrationId)
                .update();
    }

    @EventHandler
    void on(MigrationApproved event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        insert into compatibility_approval (generation, database_name, sequence_number, migration_id,
                        approved_by, role, checksum, comment, approvals_required, fully_approved, approved_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        generation,
                        event.database(),
                        sequence,
                        event.migrationId(),
                        event.approvedBy(),
                        event.role(),
                        event.checksum(),
                        event.comment(),
                        event.approvalsRequired(),
                        event.fullyApproved(),
                        java.sql.Timestamp.from(recordedAt))
                .update();
    }

    @EventHandler
    void on(MigrationRejected event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        update compatibility_migration set rejection_sequence = ?, rejected_by = ?, rejection_reason = ?
                        where generation = ? and database_name = ? and migration_id = ?""")
                .params(sequence, event.rejectedBy(), event.reason(), generation, event.database(), event.migrationId())
                .update();
    }

    @EventHandler
    void on(
            MigrationApplied event,
            @SequenceNumber long sequence,
            @Timestamp Instant recordedAt,
            @MetaDataValue(EventMetadata.PRINCIPAL) String principal) {
        status(
                event.database(),
                event.migrationId(),
                event.environment(),
                "APPLIED",
                event.checksum(),
                sequence,
                recordedAt,
                principal);
    }

    /**
     * A run from history that predates the ledger: the migration it names becomes known (as imported, with no
     * proposer) when the ledger had never heard of it, and its outcome lands in the grid like a reported one.
     */
    @EventHandler
    void on(MigrationRunImported event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (event.newToLedger()) {
            jdbc.sql("""
                            insert into compatibility_migration (generation, database_name, migration_id,
                            proposal_sequence, version, description, author, proposed_at, checksum, breaking,
                            rollback_safe, has_down_script, version_key)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, false, ?)
                            on conflict (generation, database_name, migration_id) do nothing""")
                    .params(
                            generation,
                            event.database(),
                            event.migrationId(),
                            sequence,
                            event.version(),
                            event.description(),
                            event.installedBy(),
                            java.sql.Timestamp.from(event.installedOn()),
                            event.checksum(),
                            event.rollbackSafe(),
                            VersionOrder.sortKey(event.version()))
                    .update();
        }
        status(
                event.database(),
                event.migrationId(),
                event.environment(),
                event.success() ? "APPLIED" : "FAILED",
                event.checksum(),
                sequence,
                recordedAt,
                event.installedBy());
    }

    @EventHandler
    void on(
            MigrationApplyFailed event,
            @SequenceNumber long sequence,
            @Timestamp Instant recordedAt,
            @MetaDataValue(EventMetadata.PRINCIPAL) String principal) {
        status(
                event.database(),
                event.migrationId(),
                event.environment(),
                "FAILED",
                event.checksum(),
                sequence,
                recordedAt,
                principal);
        jdbc.sql("""
                        update compatibility_status set error = ?, failed_statement = ? where generation = ?
                        and database_name = ? and migration_id = ? and environment = ? and last_sequence = ?""")
                .params(
                        event.error(),
                        event.failedStatement(),
                        generation,
                        event.database(),
                        event.migrationId(),
                        event.environment(),
                        sequence)
                .update();
    }

    @EventHandler
    void on(
            MigrationRolledBack event,
            @SequenceNumber long sequence,
            @Timestamp Instant recordedAt,
            @MetaDataValue(EventMetadata.PRINCIPAL) String principal) {
        status(
                event.database(),
                event.migrationId(),
                event.environment(),
                "ROLLED_BACK",
                null,
                sequence,
                recordedAt,
                principal);
    }

    /** Counted where it was deployed only when it was stored: a redelivery stores nothing and counts nothing. */
    @EventHandler
    void on(
            ReleaseDeployed event,
            @SequenceNumber long sequence,
            @Timestamp Instant recordedAt,
            @MetaDataValue(EventMetadata.PRINCIPAL) String principal) {
        jdbc.sql("""
                        with deployed as (
                            insert into compatibility_release (generation, database_name, sequence_number, environment,
                            release, schema_version, deployed_at, deployed_by) values (?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict do nothing
                            returning generation, database_name, environment)
                        insert into compatibility_release_tally (generation, database_name, environment, deployments)
                        select generation, database_name, environment, 1 from deployed
                        on conflict (generation, database_name, environment) do update
                        set deployments = compatibility_release_tally.deployments + 1""")
                .params(
                        generation,
                        event.database(),
                        sequence,
                        event.environment(),
                        event.release(),
                        event.schemaVersion(),
                        java.sql.Timestamp.from(recordedAt),
                        principal)
                .update();
    }

    @EventHandler
    void on(MigrationHistoryRepaired event, @SequenceNumber long sequence) {
        for (MigrationHistoryRepaired.RepairedEntry entry : event.removedFailed()) {
            // The failed run is gone from the history: the migration is pending there again, not failed.
            jdbc.sql("""
                            delete from compatibility_status where generation = ? and database_name = ? and migration_id = ?
                            and environment = ? and status = 'FAILED' and last_sequence < ?""")
                    .params(generation, event.database(), entry.migrationId(), event.environment(), sequence)
                    .update();
        }
    }

    private void status(
            String database,
            String migrationId,
            String environment,
            String status,
            String checksum,
            long sequence,
            Instant recordedAt,
            String principal) {
        jdbc.sql("""
                        insert into compatibility_status (generation, database_name, migration_id, environment, status,
                        checksum, last_sequence, changed_at, changed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (generation, database_name, migration_id, environment) do update set
                        status = excluded.status, checksum = coalesce(excluded.checksum, compatibility_status.checksum),
                        error = null, failed_statement = null,
                        last_sequence = excluded.last_sequence, changed_at = excluded.changed_at,
                        changed_by = excluded.changed_by
                        where compatibility_status.last_sequence < excluded.last_sequence""")
                .params(
                        generation,
                        database,
                        migrationId,
                        environment,
                        status,
                        checksum,
                        sequence,
                        java.sql.Timestamp.from(recordedAt),
                        principal)
                .update();
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return CompatibilityReadModel.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
