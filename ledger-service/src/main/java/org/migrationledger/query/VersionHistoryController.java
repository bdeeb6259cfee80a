package org.migrationledger.query;

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
class VersionHistoryController {

    private final ReadYourWrites reads;

    VersionHistoryController(ReadYourWrites reads) {
        this.reads = reads;
    }

    /** The seeds' {@code db:version}: current version and applied history, as of {@code at} when given. */
    @GetMapping("/api/v1/databases/{db}/environments/{env}/versions")
    ResponseEntity<VersionHistoryView> versions(
            @PathVariable @LedgerName String db,
            @PathVariable @LedgerName String env,
            @RequestParam(required = false) String at,
            @RequestParam(required = false) String minPosition) {
        GetVersionHistory query = new GetVersionHistory(db, env, ReadYourWrites.instant("at", at));
        return reads.answer(
                "version-history", minPosition, query, VersionHistoryView.class, Unknown.environment(db, env));
    }
}
