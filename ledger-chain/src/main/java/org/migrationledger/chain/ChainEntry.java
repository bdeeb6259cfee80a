package org.migrationledger.chain;

/**
 * What one position holds: the stored event and the chain's link for it, either of which may be missing after
 * tampering.
 */
public record ChainEntry(long position, StoredEvent event, ChainLink link) {}
