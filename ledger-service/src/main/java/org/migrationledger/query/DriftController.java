package org.migrationledger.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.migrationledger.api.queries.DriftReportView;
import org.migrationledger.api.queries.FindDrift;
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
class DriftController {

    private final ReadYourWrites reads;

    DriftController(ReadYourWrites reads) {
        this.reads = reads;
    }

    @Operation(
            summary = "Read the drift report",
            description =
                    "One page (offset, limit; total counts every page) of the database's open drift: what the ledger recorded against its promotion path (PROMOTION_ORDER, MISSING_IN_EARLIER_ENVIRONMENT, PENDING_TOO_LONG, FAILED_UNRESOLVED, CHECKSUM_MISMATCH, UNAPPROVED_APPLY, OUT_OF_ORDER) and what was observed (UNRECORDED_MIGRATION, MISSING_IN_TARGET, STRUCTURAL), each with a severity.")
    @GetMapping("/api/v1/databases/{db}/drift")
    ResponseEntity<DriftReportView> drift(
            @PathVariable @LedgerName String db,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String minPosition) {
        FindDrift query = new FindDrift(
                db,
                PageParameter.within("offset", offset, 0, Integer.MAX_VALUE, 0),
                PageParameter.within("limit", limit, 1, FindDrift.MAX_LIMIT, FindDrift.DEFAULT_LIMIT));
        return reads.answer("drift", minPosition, query, DriftReportView.class, Unknown.database(db));
    }
}
