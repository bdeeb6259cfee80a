package org.migrationledger.chain;

/**
 * The chain's record of one event: what it was linked to and the hashes computed when it was linked.
 *
 * @param position the global index of the event linked
 * @param eventId the identity of the event linked, kept so that a moved event is told from a changed one
 * @param previousPosition the position of the event linked before it; 0 for the first
 * @param previousHash the link hash of that event; {@link CanonicalForm#GENESIS} for the first
 * @param payloadHash SHA-256 of the stored payload bytes
 * @param metadataHash SHA-256 of the stored metadata bytes; {@link CanonicalForm#ABSENT} when there were none
 * @param hash SHA-256 over the previous hash and the canonical form of the event
 */
public record ChainLink(
        long position,
        String eventId,
        long previousPosition,
        byte[] previousHash,
        byte[] payloadHash,
        byte[] metadataHash,
        byte[] hash) {}
