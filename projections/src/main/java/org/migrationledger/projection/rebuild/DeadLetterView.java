package org.migrationledger.projection.rebuild;

import java.time.Instant;

/**
 * An event a read model's processor could not handle and set aside, so that it went on with the others (docs/adr/0014).
 * Later events of the same ledger wait behind it in its sequence, in order.
 *
 * @param id the dead letter's identifier, for retry and eviction
 * @param sequence the ledger (database) whose events wait behind it
 * @param sequenceIndex its place in that sequence (ascending); a retry starts from the lowest
 * @param sequenceNumber the event's number in its ledger's stream
 */
public record DeadLetterView(
        String id,
        String readModel,
        String processorName,
        String sequence,
        long sequenceIndex,
        String eventId,
        String eventType,
        Long sequenceNumber,
        String causeType,
        String causeMessage,
        Instant enqueuedAt,
        Instant lastTouched) {}
