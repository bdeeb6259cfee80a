package org.migrationledger.projection.drift;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationApproved;
import org.migrationledger.api.events.MigrationHistoryRepaired;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRejected;
import org.migrationledger.api.events.MigrationRevised;
import org.migrationledger.api.events.MigrationRolledBack;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.projection.path.PathTrackingProjection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes one generation of the drift read model: the facts and decisions drift is judged from, each keyed by
 * (database, sequence number), and the findings they leave open, judged again for every database a processed batch
 * touched (when the batch commits, so a batch of a thousand events on one database is judged once).
 */
class DriftProjection extends PathTrackingProjection {

    private final DriftFindings findings;

    DriftProjection(JdbcClient jdbc, int generation) {
        super(jdbc, generation, "drift_environment");
        this.findings = new DriftFindings(jdbc, DriftFindings.KEPT_STEPS);
    }

    @Override
    protected void pathChanged(String database) {
        judgeLater(database, Long.MIN_VALUE);
    }

    /**
     * Judges the database when the unit of work (the processor's batch) prepares to commit, in its transaction; at
     * once when there is none (a projection fed directly).
     *
     * @param sequence the event's sequence number: the batch's lowest per database says whether a kept judge can go on
     *     from where it stopped ({@link DriftFindings#judge(int, String, long)}); {@link Long#MIN_VALUE} when it cannot
     */
    private void judgeLater(String database, long sequence) {
        if (!CurrentUnitOfWork.isStarted()) {
            findings.judge(generation, database, sequence);
            return;
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
        Map<String, Long> touched = unit.getOrComputeResource(getClass().getName() + "/" + generation, key -> {
            Map<String, Long> earliest = new LinkedHashMap<>();
            unit.onPrepareCommit(committing -> earliest.forEach((db, from) -> findings.judge(generation, db, from)));
            return earliest;
        });
        touched.merge(database, sequence, Math::min);
    }

    @EventHandler
    void on(MigrationRevised event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        update drift_migration set proposal_sequence = ?, checksum = ? where generation = ?
                        and database_name = ? and migration_id = ? and proposal_sequence <= ?""")
                .params(sequence, event.checksum(), generation, event.database(), event.migrationId(), sequence)
                .update();
        judgeLater(event.database(), sequence);
    }

    @EventHandler
    void on(MigrationProposed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        migration(event.database(), event.migrationId(), sequence, event.version(), event.checksum(), recordedAt);
    }

    @EventHandler
    void on(MigrationApproved event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        decision(
                event.database(),
                sequence,
                event.migrationId(),
                StepKind.APPROVED,
                event.checksum(),
                event.fullyApproved(),
                recordedAt);
    }

    @EventHandler
    void on(MigrationRejected event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        decision(event.database(), sequence, event.migrationId(), StepKind.REJECTED, null, false, recordedAt);
    }

    @EventHandler
    void on(MigrationApplied event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fact(
                event.database(),
                sequence,
                event.environment(),
                event.migrationId(),
                StepKind.APPLIED,
                event.checksum(),
                recordedAt,
                null);
    }

    @EventHandler
    void on(MigrationApplyFailed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fact(
                event.database(),
                sequence,
                event.environment(),
                event.migrationId(),
                StepKind.FAILED,
                event.checksum(),
                recordedAt,
                event.error());
    }

    @EventHandler
    void on(MigrationRolledBack event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fact(
                event.database(),
                sequence,
                event.environment(),
                event.migrationId(),
                StepKind.ROLLED_BACK,
                null,
                recordedAt,
                null);
    }

    @EventHandler
    void on(MigrationRunImported event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (event.newToLedger()) {
            migration(event.database(), event.migrationId(), sequence, event.version(), event.checksum(), recordedAt);
        }
        insertFact(
                event.database(),
                sequence,
                event.environment(),
                event.migrationId(),
                event.success() ? StepKind.APPLIED : StepKind.FAILED,
                event.checksum(),
                event.installedOn(),
                event.success() ? null : "recorded as failed in " + event.source(),
                true);
    }

    @EventHandler
    void on(MigrationHistoryRepaired event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        for (MigrationHistoryRepaired.RepairedEntry entry : event.removedFailed()) {
            if (entry.migrationId() != null) {
                // One repair clears several failures, all under the event's sequence number: the key is per migration.
                insertFact(
                        event.database(),
                        sequence,
                        event.environment(),
                        entry.migrationId(),
                        StepKind.FAILURE_CLEARED,
                        null,
                        recordedAt,
                        null,
                        false);
            }
        }
    }

    /** A migration the ledger knows, from its proposal or from the imported history that made it known. */
    private void migration(
            String database, String migrationId, long sequence, String version, String checksum, Instant knownAt) {
        jdbc.sql("""
                        insert into drift_migration (generation, database_name, migration_id, proposal_sequence, version,
                        checksum, proposed_at) values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (generation, database_name, migration_id) do update set
                        proposal_sequence = excluded.proposal_sequence, version = excluded.version,
                        checksum = excluded.checksum, proposed_at = excluded.proposed_at
                        where drift_migration.proposal_sequence <= excluded.proposal_sequence""")
                .params(
                        generation,
                        database,
                        migrationId,
                        sequence,
                        version,
                        checksum,
                        java.sql.Timestamp.from(knownAt))
                .update();
        judgeLater(database, sequence);
    }

    private void decision(
            String database,
            long sequence,
            String migrationId,
            StepKind kind,
            String checksum,
            boolean fullyApproved,
            Instant recordedAt) {
        jdbc.sql("""
                        insert into drift_decision (generation, database_name, sequence_number, migration_id, kind, checksum,
                        fully_approved, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        generation,
                        database,
                        sequence,
                        migrationId,
                        kind.name(),
                        checksum,
                        fullyApproved,
                        java.sql.Timestamp.from(recordedAt))
                .update();
        judgeLater(database, sequence);
    }

    private void fact(
            String database,
            long sequence,
            String environment,
            String migrationId,
            StepKind kind,
            String checksum,
            Instant recordedAt,
            String error) {
        insertFact(database, sequence, environment, migrationId, kind, checksum, recordedAt, error, false);
    }

    private void insertFact(
            String database,
            long sequence,
            String environment,
            String migrationId,
            StepKind kind,
            String checksum,
            Instant at,
            String error,
            boolean imported) {
        jdbc.sql("""
                        insert into drift_fact (generation, database_name, sequence_number, environment, migration_id, kind,
                        checksum, recorded_at, error, imported) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(
                        generation,
                        database,
                        sequence,
                        environment,
                        migrationId,
                        kind.name(),
                        checksum,
                        java.sql.Timestamp.from(at),
                        error,
                        imported)
                .update();
        judgeLater(database, sequence);
    }
}
