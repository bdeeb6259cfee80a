package org.migrationledger.query;

import org.migrationledger.api.queries.CompatibilityView;
import org.migrationledger.api.queries.GetCompatibility;
import org.migrationledger.web.InvalidRequestException;
import org.springframework.http.HttpStatus;

/** The compatibility query's paging and pair parameters, and the 400s that name the one that is wrong. */
final class CompatibilityPaging {

    static final int MAX_GRID_LIMIT = 1000;

    private CompatibilityPaging() {}

    static int limit(Integer gridLimit) {
        if (gridLimit == null) {
            return GetCompatibility.DEFAULT_GRID_LIMIT;
        }
        if (gridLimit < 1 || gridLimit > MAX_GRID_LIMIT) {
            throw invalid("gridLimit", "gridLimit must be between 1 and " + MAX_GRID_LIMIT + ", not " + gridLimit);
        }
        return gridLimit;
    }

    static void requirePair(String from, String to) {
        if (from != null && to == null) {
            throw invalid("to", "to must name the older version of the rollback pair when from is given");
        }
        if (to != null && from == null) {
            throw invalid("from", "from must name the newer version of the rollback pair when to is given");
        }
    }

    /** A cursor or pair that matched nothing is a mistake of the caller, not an empty answer. */
    static void requireFound(GetCompatibility query, CompatibilityView view) {
        if (view == null) {
            return;
        }
        if (query.from() != null && view.rollback().isEmpty()) {
            throw invalid(
                    "from",
                    "from (" + query.from() + ") and to (" + query.to() + ") must be versions of migrations of "
                            + query.database() + " that are not rejected, from newer than to");
        }
        if (query.gridAfter() != null && view.grid().isEmpty()) {
            throw invalid(
                    "gridAfter",
                    "gridAfter must be the gridNext of an earlier page (a migration id of " + query.database()
                            + " that is not its last), not '" + query.gridAfter() + "'");
        }
    }

    private static InvalidRequestException invalid(String field, String detail) {
        return new InvalidRequestException(HttpStatus.BAD_REQUEST, "invalid-request", field, detail);
    }
}
