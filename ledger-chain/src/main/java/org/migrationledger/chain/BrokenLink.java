package org.migrationledger.chain;

/**
 * The first link of a chain that does not hold.
 *
 * @param position the global index the break is at
 * @param detail one sentence for a person
 */
public record BrokenLink(long position, BreakKind kind, String detail) {}
