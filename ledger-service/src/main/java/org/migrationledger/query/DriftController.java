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
                    "Differences between what the ledger recorded and what was observed: UNRECORDED_MIGRATION, MISSING_IN_TARGET, STRUCTURAL (with severity).")
    @GetMapping("/api/v1/databases/{db}/drift")
    ResponseEntity<DriftReportView> drift(
            @PathVariable @LedgerName String db, @RequestParam(required = false) String minPosition) {
        return reads.answer("drift", minPosition, new FindDrift(db), DriftReportView.class, Unknown.database(db));
    }
}
