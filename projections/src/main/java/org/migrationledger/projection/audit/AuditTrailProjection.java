package org.migrationledger.projection.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
 *
 * <p>In a processor's batch the rows are written together when the batch commits, in one statement: a statement per
 * event cost a round trip and a plan per event, and bounded a rebuild to a few thousand events a second. If that
 * statement fails, nothing of the batch is kept, and when the processor retries the batch its events are written one
 * by one, so that the failure is the event's own (ProcessingFailures, health) and the processor stops on it.
 */
class AuditTrailProjection {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Beyond this many events marked for one-by-one writing (of batches another node took over), the marks go. */
    private static final int MAX_MARKED = 100_000;

    private static final String INSERT = """
            insert into audit_event (generation, global_index, event_id, database_name, sequence_number, event_type,
                                     migration_id, environment, principal, source_tool, source_run_url,
                                     correlation_id, recorded_at, summary, payload)
            select ?, stored.global_index, row.event_id, row.database_name, row.sequence_number, row.event_type,
                   row.migration_id, row.environment, row.principal, row.source_tool, row.source_run_url,
                   row.correlation_id, row.recorded_at, row.summary, cast(row.payload as jsonb)
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as bigint[]), cast(? as text[]),
                        cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                        cast(? as text[]), cast(? as text[]), cast(? as timestamptz[]), cast(? as text[]),
                        cast(? as text[]))
                 as row(event_id, database_name, sequence_number, event_type, migration_id, environment, principal,
                        source_tool, source_run_url, correlation_id, recorded_at, summary, payload)
            join domain_event_entry stored on stored.event_identifier = row.event_id
            on conflict (generation, event_id) do nothing
            returning event_id
            """;

    private final JdbcClient jdbc;
    private final int generation;
    private final String batchKey;
    private final Set<String> oneByOne = ConcurrentHashMap.newKeySet();

    AuditTrailProjection(JdbcClient jdbc, int generation) {
        this.jdbc = jdbc;
        this.generation = generation;
        this.batchKey = AuditTrailProjection.class.getName() + "/" + generation;
    }

    @EventHandler
    void on(
            LedgerEvent event,
            @MessageIdentifier String eventId,
            @SequenceNumber long sequence,
            @Timestamp Instant recordedAt,
            MetaData metaData) {
        AuditSummary summary = AuditSummary.of(event);
        Row row = new Row(
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
                json(event));
        if (!CurrentUnitOfWork.isStarted() || oneByOne.remove(eventId)) {
            write(List.of(row));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<Row> rows = batch.getOrComputeResource(batchKey, key -> {
            List<Row> pending = new ArrayList<>();
            batch.onPrepareCommit(committing -> writeBatch(pending));
            return pending;
        });
        rows.add(row);
    }

    private void writeBatch(List<Row> rows) {
        try {
            write(rows);
        } catch (RuntimeException e) {
            if (oneByOne.size() + rows.size() > MAX_MARKED) {
                oneByOne.clear();
            }
            rows.forEach(row -> oneByOne.add(row.eventId()));
            throw e;
        }
    }

    private void write(List<Row> rows) {
        Set<String> inserted;
        try {
            inserted = new HashSet<>(jdbc.sql(INSERT)
                    .params(
                            generation,
                            column(rows, Row::eventId),
                            column(rows, Row::database),
                            rows.stream().map(Row::sequence).toArray(Long[]::new),
                            column(rows, Row::type),
                            column(rows, Row::migrationId),
                            column(rows, Row::environment),
                            column(rows, Row::principal),
                            column(rows, Row::tool),
                            column(rows, Row::runUrl),
                            column(rows, Row::correlationId),
                            rows.stream().map(Row::recordedAt).toArray(java.sql.Timestamp[]::new),
                            column(rows, Row::summary),
                            column(rows, Row::payload))
                    .query(String.class)
                    .list());
        } catch (DataIntegrityViolationException e) {
            throw new AuditTrailConflict(
                    generation, rows.size() == 1 ? rows.get(0).eventId() : rows.size() + " events", e);
        }
        for (Row row : rows) {
            if (!inserted.contains(row.eventId())) {
                confirmRedelivery(row.eventId());
            }
        }
    }

    private static String[] column(List<Row> rows, Function<Row, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private record Row(
            String eventId,
            String database,
            long sequence,
            String type,
            String migrationId,
            String environment,
            String principal,
            String tool,
            String runUrl,
            String correlationId,
            java.sql.Timestamp recordedAt,
            String summary,
            String payload) {}

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
