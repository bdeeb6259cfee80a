package org.migrationledger.chain;

/**
 * One row of the event table exactly as stored: the bytes the chain is computed over, never a decoded or upcast
 * form, so that events of every revision are covered as they lie in the database.
 *
 * @param position the global index
 * @param aggregateType the aggregate type column; may be null
 * @param timestamp the stored timestamp text (Axon stores an ISO-8601 string)
 * @param payloadRevision may be null
 * @param metaData may be null
 */
public record StoredEvent(
        long position,
        String eventId,
        String aggregateId,
        long sequenceNumber,
        String aggregateType,
        String timestamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData) {}
