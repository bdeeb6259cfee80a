package org.migrationledger.query;

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
class DriftController {

    private final ReadYourWrites reads;

    DriftController(ReadYourWrites reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/databases/{db}/drift")
    ResponseEntity<DriftReportView> drift(
            @PathVariable @LedgerName String db, @RequestParam(required = false) String minPosition) {
        return reads.answer("drift", minPosition, new FindDrift(db), DriftReportView.class, Unknown.database(db));
    }
}
