package org.migrationledger.api.queries;

import java.time.Instant;

/**
 * Asks for the schema version history of one environment of a database, optionally as it stood at an instant.
 *
 * @param at the instant to travel to; null means now
 */
public record GetVersionHistory(String database, String environment, Instant at) {}
