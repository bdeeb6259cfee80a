package org.migrationledger.projection.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.migrationledger.api.events.EventMetadata;
import org.migrationledger.api.events.LedgerEvent;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationRolledBack;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes one generation of the audit trail: one row per stored event, keyed by the event's own identity. The global
 * index is read from the stored event, never from the tracking token: for an event that fills a gap (a transaction
 * that committed after later ones), the token's position is the highest index the processor has seen, not the
 * event's, and keying on it once merged two events into one row.
 */
class AuditTrailProjection {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final String INSERT = """
            insert into audit_event (generation, global_index, event_id, database_name, sequence_number, event_type,
                                     migration_id, environment, principal, source_tool, source_run_url,
                                     correlation_id, recorded_at, summary, payload)
            select :generation, stored.global_index, :eventId, :database, :sequence, :type, :migrationId,
                   :environment, :principal, :tool, :runUrl, :correlationId, :recordedAt, :summary,
                   cast(:payload as jsonb)
            from domain_event_entry stored
            where stored.event_identifier = :eventId
            on conflict (generation, event_id) do nothing
            """;

    private final JdbcClient jdbc;
    private final int generation;

    AuditTrailProjection(JdbcClient jdbc, int generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    @EventHandler
    void on(
            LedgerEvent event,
            @MessageIdentifier String eventId,
            @SequenceNumber long sequence,
            @Timestamp Instant recordedAt,
            MetaData metaData) {
        AuditSummary summary = AuditSummary.of(event);
        int inserted;
        try {
            inserted = jdbc.sql(INSERT)
                    .param("generation", generation)
                    .param("eventId", eventId)
                    .param("database", event.database())
                    .param("sequence", sequence)
                    .param("type", event.getClass().getSimpleName())
                    .param("migrationId", summary.migrationId())
                    .param("environment", summary.environment())
                    .param("principal", text(metaData, EventMetadata.PRINCIPAL, null))
                    .param("tool", text(metaData, EventMetadata.SOURCE_TOOL, toolOf(event)))
                    .param("runUrl", text(metaData, EventMetadata.SOURCE_RUN_URL, runUrlOf(event)))
                    .param("correlationId", text(metaData, EventMetadata.CORRELATION_ID, null))
                    .param("recordedAt", java.sql.Timestamp.from(recordedAt))
                    .param("summary", summary.sentence())
                    .param("payload", json(event))
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw new AuditTrailConflict(generation, eventId, e);
        }
        if (inserted == 0) {
            confirmRedelivery(eventId);
        }
    }

    /** Nothing was inserted: either the row is there already (a redelivery), or the store lacks the event. */
    private void confirmRedelivery(String eventId) {
        boolean recorded = jdbc.sql("select count(*) from audit_event where generation = ? and event_id = ?")
                        .params(generation, eventId)
                        .query(Long.class)
                        .single()
                > 0;
        if (!recorded) {
            throw new AuditTrailConflict(generation, eventId, "the event store holds no event with this identifier");
        }
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
