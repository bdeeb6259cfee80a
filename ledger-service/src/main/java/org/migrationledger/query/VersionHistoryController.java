package org.migrationledger.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.migrationledger.api.queries.GetVersionHistory;
import org.migrationledger.api.queries.VersionHistoryView;
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
class VersionHistoryController {

    private final ReadYourWrites reads;

    VersionHistoryController(ReadYourWrites reads) {
        this.reads = reads;
    }

    private static final int MAX_LIMIT = 1000;

    /**
     * The seeds' {@code db:version}: current version and one page of the applied history ({@code offset},
     * {@code limit}), as of {@code at} when given.
     */
    @Operation(
            summary = "Read an environment's versions",
            description =
                    "The environment's current version and one page of its applied history in ledger order: offset (default 0) and limit (default 500, at most 1000), with historyTotal counting every apply and historyNext the offset of the next page (null on the last). Read from stored entries, so the present costs a page however long the history. With at (ISO-8601), the history as it stood then: applies up to that instant, rolled back only by rollbacks recorded by then, and the version in place then. An offset below 0 or a limit out of range is a 400 naming the parameter.")
    @GetMapping("/api/v1/databases/{db}/environments/{env}/versions")
    ResponseEntity<VersionHistoryView> versions(
            @PathVariable @LedgerName String db,
            @PathVariable @LedgerName String env,
            @RequestParam(required = false) String at,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String minPosition) {
        GetVersionHistory query = new GetVersionHistory(
                db,
                env,
                ReadYourWrites.instant("at", at),
                PageParameter.within("offset", offset, 0, Integer.MAX_VALUE, 0),
                PageParameter.within("limit", limit, 1, MAX_LIMIT, GetVersionHistory.DEFAULT_LIMIT));
        return reads.answer(
                "version-history", minPosition, query, VersionHistoryView.class, Unknown.environment(db, env));
    }
}
