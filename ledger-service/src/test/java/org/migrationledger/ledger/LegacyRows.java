package org.migrationledger.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes rows the way an old version of the ledger would have: straight into the event store's tables, with the
 * payload type and revision it used and metadata naming the principal. Only INSERTs: the event table refuses the rest.
 */
final class LegacyRows {

    static final String EVENTS = "org.migrationledger.api.events.";
    static final Instant WRITTEN_FROM = Instant.parse("2024-11-04T09:00:00Z");

    private final JdbcClient jdbc;

    LegacyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void event(String database, long sequence, String simpleType, String revision, String payloadJson) {
        jdbc.sql("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " values (?, ?, ?, 'SchemaLedger', ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID().toString(),
                        database,
                        sequence,
                        WRITTEN_FROM.plusSeconds(sequence).toString(),
                        EVENTS + simpleType,
                        revision,
                        payloadJson.getBytes(UTF_8),
                        "{\"principal\":\"legacy-ci\",\"correlationId\":\"legacy-import\"}".getBytes(UTF_8))
                .update();
    }

    void snapshot(String database, long sequence, String payloadType, String revision, String payload) {
        jdbc.sql("insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " values (?, ?, 'SchemaLedger', ?, ?, ?, ?, ?, ?)")
                .params(
                        database,
                        sequence,
                        UUID.randomUUID().toString(),
                        WRITTEN_FROM.plusSeconds(sequence).toString(),
                        payloadType,
                        revision,
                        payload.getBytes(UTF_8),
                        "{}".getBytes(UTF_8))
                .update();
    }
}
