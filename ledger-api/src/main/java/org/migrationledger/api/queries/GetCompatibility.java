package org.migrationledger.api.queries;

/**
 * Asks for the rollback compatibility, the migration × environment grid and the release window of a database.
 *
 * @param from with {@code to}: the newer version of the one rollback pair to judge; null for none
 * @param to with {@code from}: the older version of that pair
 * @param gridAfter the version after which the grid page starts (the previous page's {@code gridNext}); null for the
 *     first page
 * @param gridLimit the most grid rows (migrations) in the answer
 */
public record GetCompatibility(String database, String from, String to, String gridAfter, int gridLimit) {

    /** Grid rows in one answer unless the caller asks for fewer or more. */
    public static final int DEFAULT_GRID_LIMIT = 200;

    public GetCompatibility(String database) {
        this(database, null, null, null, DEFAULT_GRID_LIMIT);
    }
}
