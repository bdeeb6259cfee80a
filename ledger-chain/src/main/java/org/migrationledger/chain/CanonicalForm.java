package org.migrationledger.chain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one definition of what a link hash covers (docs/security.md, "The hash chain"). The canonical form of an event
 * is its fields in a fixed order, each length-prefixed so that no two different events share a form:
 *
 * <pre>
 * "migration-ledger/chain/v1"
 * position (8 bytes) | event id | aggregate id | sequence number (8 bytes) | aggregate type | timestamp
 * | payload type | payload revision | SHA-256(payload) | SHA-256(metadata)
 * </pre>
 *
 * Text is UTF-8 behind a 4-byte big-endian length; an absent value is the length -1 with no bytes. The link hash is
 * {@code SHA-256(previous hash | canonical form)}; the first event links to {@link #GENESIS}.
 */
public final class CanonicalForm {

    /** The previous hash of the first event of the store: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[32];

    /** The metadata hash of an event stored without metadata. */
    public static final byte[] ABSENT = new byte[32];

    private static final byte[] DOMAIN = "migration-ledger/chain/v1".getBytes(StandardCharsets.UTF_8);

    private CanonicalForm() {}

    /** Links an event to its predecessor in the chain. */
    public static ChainLink link(StoredEvent event, long previousPosition, byte[] previousHash) {
        byte[] payloadHash = sha256(event.payload());
        byte[] metadataHash = event.metaData() == null ? ABSENT : sha256(event.metaData());
        return new ChainLink(
                event.position(),
                event.eventId(),
                previousPosition,
                previousHash,
                payloadHash,
                metadataHash,
                hash(previousHash, event, payloadHash, metadataHash));
    }

    /** The link hash of an event, given the hashes of its payload and metadata. */
    static byte[] hash(byte[] previousHash, StoredEvent event, byte[] payloadHash, byte[] metadataHash) {
        ByteArrayOutputStream form = new ByteArrayOutputStream(256);
        form.writeBytes(previousHash);
        form.writeBytes(DOMAIN);
        form.writeBytes(ByteBuffer.allocate(8).putLong(event.position()).array());
        text(form, event.eventId());
        text(form, event.aggregateId());
        form.writeBytes(ByteBuffer.allocate(8).putLong(event.sequenceNumber()).array());
        text(form, event.aggregateType());
        text(form, event.timestamp());
        text(form, event.payloadType());
        text(form, event.payloadRevision());
        form.writeBytes(payloadHash);
        form.writeBytes(metadataHash);
        return sha256(form.toByteArray());
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static void text(ByteArrayOutputStream form, String value) {
        if (value == null) {
            form.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        form.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        form.writeBytes(bytes);
    }
}
