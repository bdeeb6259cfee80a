package org.migrationledger.projection.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.migrationledger.api.events.DriftAcknowledged;
import org.migrationledger.api.events.DriftAcknowledgementWithdrawn;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRolledBack;
import org.migrationledger.api.events.MigrationSuperseded;
import org.migrationledger.api.events.MigrationWithdrawn;
import org.migrationledger.api.events.PolicyViolation;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes one generation of the governance read model. A fact about a migration that was never proposed carries the
 * {@code NOT_PROPOSED} violation; that, not the migration's history, is what marks it here, so a proposal that adopts
 * the migration clears it and later facts no longer add to it.
 */
class GovernanceProjection {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_PROPOSED = "NOT_PROPOSED";

    private final JdbcClient jdbc;
    private final int generation;

    GovernanceProjection(JdbcClient jdbc, int generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    @EventHandler
    void on(MigrationApplied event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        unproposed(
                event.database(),
                event.migrationId(),
                event.environment(),
                "APPLIED",
                event.violations(),
                sequence,
                recordedAt);
    }

    @EventHandler
    void on(MigrationApplyFailed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        unproposed(
                event.database(),
                event.migrationId(),
                event.environment(),
                "FAILED",
                event.violations(),
                sequence,
                recordedAt);
    }

    @EventHandler
    void on(MigrationRolledBack event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        unproposed(
                event.database(),
                event.migrationId(),
                event.environment(),
                "ROLLED_BACK",
                event.violations(),
                sequence,
                recordedAt);
    }

    @EventHandler
    void on(MigrationProposed event) {
        jdbc.sql("delete from governance_unproposed where generation = ? and database_name = ? and migration_id = ?")
                .params(generation, event.database(), event.migrationId())
                .update();
    }

    @EventHandler
    void on(MigrationWithdrawn event) {
        ended(event.database(), event.migrationId(), "WITHDRAWN");
    }

    @EventHandler
    void on(MigrationSuperseded event) {
        ended(event.database(), event.migrationId(), "SUPERSEDED");
    }

    @EventHandler
    void on(DriftAcknowledged event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        insert into governance_acknowledgement (generation, database_name, acknowledgement_id,
                        sequence_number, kind, environment, migration_id, object, findings, reason, acknowledged_by,
                        acknowledged_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(
                        generation,
                        event.database(),
                        event.acknowledgementId(),
                        sequence,
                        event.kind(),
                        event.environment(),
                        event.migrationId(),
                        event.object(),
                        json(event.findings()),
                        event.reason(),
                        event.acknowledgedBy(),
                        java.sql.Timestamp.from(recordedAt),
                        event.expiresAt() == null ? null : java.sql.Timestamp.from(event.expiresAt()))
                .update();
    }

    @EventHandler
    void on(DriftAcknowledgementWithdrawn event, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        update governance_acknowledgement set withdrawn_by = ?, withdrawn_at = ? where generation = ?
                        and database_name = ? and acknowledgement_id = ? and withdrawn_at is null""")
                .params(
                        event.withdrawnBy(),
                        java.sql.Timestamp.from(recordedAt),
                        generation,
                        event.database(),
                        event.acknowledgementId())
                .update();
    }

    private void unproposed(
            String database,
            String migrationId,
            String environment,
            String status,
            List<PolicyViolation> violations,
            long sequence,
            Instant recordedAt) {
        if (violations.stream().noneMatch(violation -> NOT_PROPOSED.equals(violation.code()))) {
            return;
        }
        jdbc.sql("""
                        insert into governance_unproposed (generation, database_name, migration_id, environment, status,
                        last_sequence, recorded_at) values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (generation, database_name, migration_id, environment) do update set
                        status = excluded.status, last_sequence = excluded.last_sequence,
                        recorded_at = excluded.recorded_at
                        where governance_unproposed.last_sequence < excluded.last_sequence""")
                .params(
                        generation,
                        database,
                        migrationId,
                        environment,
                        status,
                        sequence,
                        java.sql.Timestamp.from(recordedAt))
                .update();
    }

    private void ended(String database, String migrationId, String state) {
        jdbc.sql("""
                        insert into governance_ended (generation, database_name, migration_id, state)
                        values (?, ?, ?, ?) on conflict do nothing""").params(generation, database, migrationId, state).update();
    }

    private static String json(List<String> findings) {
        try {
            return JSON.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write acknowledged findings as JSON", e);
        }
    }
}
