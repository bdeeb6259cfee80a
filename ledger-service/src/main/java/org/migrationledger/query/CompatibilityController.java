package org.migrationledger.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.migrationledger.api.queries.CompatibilityView;
import org.migrationledger.api.queries.GetCompatibility;
import org.migrationledger.web.LedgerName;
import org.migrationledger.web.ReadYourWrites;
import org.migrationledger.web.Unknown;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Read models")
class CompatibilityController {

    private static final String READ_MODEL = "compatibility";

    private final ReadYourWrites reads;

    CompatibilityController(ReadYourWrites reads) {
        this.reads = reads;
    }

    /**
     * One page of the grid and the rollback reach ({@code gridAfter}, {@code gridLimit}), and with {@code from} and
     * {@code to} the one rollback pair between those versions.
     */
    @Operation(
            summary = "Read the compatibility matrix",
            description =
                    "One page of the migrations in version order (gridAfter = the previous page's gridNext, gridLimit default 200, at most 1000): their grid rows and rollbackReach, the rollback reach of each of the page's versions (rejected ones have none), so both are paged together; walk gridNext for the reach of every version. With from and to, the one rollback pair between those versions. releases: per environment the latest 20 deployments reported (observed, oldest first; observedTotal counts them all) and the N-1 window, found even when N-1 was deployed before those 20; the window lists at most 100 versions (previousReleaseCompatibleVersions, the one N-1 was observed with first), and previousReleaseCompatibleVersionsTruncated is true, and detail says so, when N-1 may run against more. Every part is read through indexes on the version order, so an answer costs its page however many migrations the database has. A gridLimit out of range, a gridAfter that is no page's gridNext or a half pair is a 400 naming the parameter.")
    @GetMapping("/api/v1/databases/{db}/compatibility")
    ResponseEntity<CompatibilityView> compatibility(
            @PathVariable @LedgerName String db,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String gridAfter,
            @RequestParam(required = false) Integer gridLimit,
            @RequestParam(required = false) String minPosition) {
        GetCompatibility query = new GetCompatibility(db, from, to, gridAfter, CompatibilityPaging.limit(gridLimit));
        CompatibilityPaging.requirePair(from, to);
        ResponseEntity<CompatibilityView> answer =
                reads.answer(READ_MODEL, minPosition, query, CompatibilityView.class, Unknown.database(db));
        CompatibilityPaging.requireFound(query, answer.getBody());
        return answer;
    }
}
