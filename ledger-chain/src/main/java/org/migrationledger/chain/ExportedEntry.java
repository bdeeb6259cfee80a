package org.migrationledger.chain;

import java.util.Base64;
import java.util.HexFormat;

/**
 * One chain entry as an export carries it (the {@code chain} object of an NDJSON line): the stored bytes in Base64
 * and the hashes in hex. The service writes and the client reads this one record, so the two cannot disagree on
 * names. The event's fields are null when the chain links an event that is not stored; the link's when the store
 * holds an event the chain never linked.
 */
public record ExportedEntry(
        long position,
        String eventId,
        String aggregateId,
        Long sequenceNumber,
        String aggregateType,
        String timestamp,
        String payloadType,
        String payloadRevision,
        String payload,
        String metaData,
        String linkedEventId,
        Long previousPosition,
        String previousHash,
        String payloadHash,
        String metadataHash,
        String hash) {

    private static final HexFormat HEX = HexFormat.of();

    public static ExportedEntry of(ChainEntry entry) {
        StoredEvent e = entry.event();
        ChainLink l = entry.link();
        return new ExportedEntry(
                entry.position(),
                e == null ? null : e.eventId(),
                e == null ? null : e.aggregateId(),
                e == null ? null : e.sequenceNumber(),
                e == null ? null : e.aggregateType(),
                e == null ? null : e.timestamp(),
                e == null ? null : e.payloadType(),
                e == null ? null : e.payloadRevision(),
                e == null ? null : base64(e.payload()),
                e == null ? null : base64(e.metaData()),
                l == null ? null : l.eventId(),
                l == null ? null : l.previousPosition(),
                l == null ? null : HEX.formatHex(l.previousHash()),
                l == null ? null : HEX.formatHex(l.payloadHash()),
                l == null ? null : HEX.formatHex(l.metadataHash()),
                l == null ? null : HEX.formatHex(l.hash()));
    }

    /** Throws IllegalArgumentException when a hash is not hex or a byte field not Base64. */
    public ChainEntry toEntry() {
        StoredEvent event = payload == null
                ? null
                : new StoredEvent(
                        position,
                        eventId,
                        aggregateId,
                        sequenceNumber == null ? 0 : sequenceNumber,
                        aggregateType,
                        timestamp,
                        payloadType,
                        payloadRevision,
                        Base64.getDecoder().decode(payload),
                        metaData == null ? null : Base64.getDecoder().decode(metaData));
        ChainLink link = hash == null
                ? null
                : new ChainLink(
                        position,
                        linkedEventId,
                        previousPosition == null ? 0 : previousPosition,
                        HEX.parseHex(previousHash),
                        HEX.parseHex(payloadHash),
                        HEX.parseHex(metadataHash),
                        HEX.parseHex(hash));
        return new ChainEntry(position, event, link);
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }
}
