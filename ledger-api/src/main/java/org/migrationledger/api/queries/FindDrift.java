package org.migrationledger.api.queries;

/**
 * Asks for one page of a database's open drift findings, evaluated now, in report order.
 *
 * @param offset findings to skip
 * @param limit the page size, at most {@link #MAX_LIMIT}
 */
public record FindDrift(String database, int offset, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /** The first page. */
    public FindDrift(String database) {
        this(database, 0, DEFAULT_LIMIT);
    }
}
