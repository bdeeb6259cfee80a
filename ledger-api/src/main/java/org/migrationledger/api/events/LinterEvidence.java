package org.migrationledger.api.events;

/**
 * Output of an external linter attached to a proposal as evidence, stored verbatim.
 *
 * @param tool the linter, e.g. {@code squawk}
 * @param format the report's format, e.g. {@code json}
 * @param report the report exactly as the linter printed it
 */
public record LinterEvidence(String tool, String format, String report) {}
