package org.migrationledger.projection.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.migrationledger.api.events.EventMetadata;
import org.migrationledger.api.events.LedgerEvent;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationRolledBack;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes one generation of the audit trail: one row per stored event, keyed by its global index. */
class AuditTrailProjection {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final JdbcClient jdbc;
    private final int generation;

    AuditTrailProjection(JdbcClient jdbc, int generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    @EventHandler
    void on(
            LedgerEvent event,
            TrackingToken token,
            @MessageIdentifier String eventId,
            @SequenceNumber long sequence,
            @Timestamp Instant recordedAt,
            MetaData metaData) {
        AuditSummary summary = AuditSummary.of(event);
        jdbc.sql("insert into audit_event (generation, global_index, event_id, database_name, sequence_number,"
                        + " event_type, migration_id, environment, principal, source_tool, source_run_url,"
                        + " correlation_id, recorded_at, summary, payload)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) on conflict do nothing")
                .params(
                        generation,
                        token.position().orElseThrow(),
                        eventId,
                        event.database(),
                        sequence,
                        event.getClass().getSimpleName(),
                        summary.migrationId(),
                        summary.environment(),
                        text(metaData, EventMetadata.PRINCIPAL, null),
                        text(metaData, EventMetadata.SOURCE_TOOL, toolOf(event)),
                        text(metaData, EventMetadata.SOURCE_RUN_URL, runUrlOf(event)),
                        text(metaData, EventMetadata.CORRELATION_ID, null),
                        java.sql.Timestamp.from(recordedAt),
                        summary.sentence(),
                        json(event))
                .update();
    }

    private static String text(MetaData metaData, String key, String fallback) {
        Object value = metaData.get(key);
        return value == null ? fallback : value.toString();
    }

    private static String toolOf(LedgerEvent event) {
        if (event instanceof MigrationApplied e) {
            return e.tool();
        }
        if (event instanceof MigrationApplyFailed e) {
            return e.tool();
        }
        return event instanceof MigrationRolledBack e ? e.tool() : null;
    }

    private static String runUrlOf(LedgerEvent event) {
        if (event instanceof MigrationApplied e) {
            return e.runUrl();
        }
        if (event instanceof MigrationApplyFailed e) {
            return e.runUrl();
        }
        return event instanceof MigrationRolledBack e ? e.runUrl() : null;
    }

    private static String json(LedgerEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
