package org.migrationledger.api.events;

/**
 * A policy breach recorded together with a fact (facts are never refused for policy reasons).
 *
 * @param code stable machine-readable code, e.g. {@code NOT_APPROVED}, {@code PREVIOUS_ENVIRONMENT_SKIPPED}
 * @param detail a sentence a person understands
 */
public record PolicyViolation(String code, String detail) {}
