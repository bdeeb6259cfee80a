package org.migrationledger.api.queries;

/**
 * Asks for one page of the fleet, in name order. Answers {@link DatabasePageView}.
 *
 * @param nameContains a part of the database name; null for every database
 * @param offset how many databases to skip
 * @param limit how many to answer at most
 */
public record FindDatabases(String nameContains, int offset, int limit) {

    /** The largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 500;
}
