package org.migrationledger.api.queries;

import java.time.Instant;

/**
 * Asks for the schema version history of one environment of a database, optionally as it stood at an instant.
 *
 * @param at the instant to travel to; null means now
 * @param offset how many applies of the history (in ledger order) to skip: the previous page's {@code historyNext}
 * @param limit the most applies in the answer
 */
public record GetVersionHistory(String database, String environment, Instant at, int offset, int limit) {

    /** Applies in one answer unless the caller asks for fewer or more. */
    public static final int DEFAULT_LIMIT = 500;

    public GetVersionHistory(String database, String environment, Instant at) {
        this(database, environment, at, 0, DEFAULT_LIMIT);
    }
}
