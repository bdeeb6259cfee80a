package org.migrationledger.projection.rebuild;

/**
 * What a retry of a dead-letter sequence did.
 *
 * @param projected true when every letter of the sequence was handled and left the queue
 * @param remaining the letters of the sequence still in the queue (the failing one and those behind it)
 */
public record DeadLetterRetryView(String readModel, String sequence, boolean projected, long remaining) {}
