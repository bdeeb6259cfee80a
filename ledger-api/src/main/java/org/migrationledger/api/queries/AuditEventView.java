package org.migrationledger.api.queries;

import java.time.Instant;

/**
 * One stored event as the audit trail shows it.
 *
 * @param position the event's global index in the event store (the {@code Ledger-Position} of its write)
 * @param type the event's simple type name, e.g. {@code MigrationApplied}
 * @param migrationId null for events about the whole database
 * @param environment null for events not about one environment
 * @param principal the authenticated principal who caused it
 * @param summary the event in one sentence
 * @param payloadJson the event's payload as JSON
 */
public record AuditEventView(
        long position,
        String eventId,
        String type,
        String database,
        long sequenceNumber,
        String migrationId,
        String environment,
        String principal,
        String sourceTool,
        String sourceRunUrl,
        String correlationId,
        Instant recordedAt,
        String summary,
        String payloadJson) {}
