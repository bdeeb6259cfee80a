package org.migrationledger.query;

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
class CompatibilityController {

    private static final String READ_MODEL = "compatibility";

    private final ReadYourWrites reads;

    CompatibilityController(ReadYourWrites reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/databases/{db}/compatibility")
    ResponseEntity<CompatibilityView> compatibility(
            @PathVariable @LedgerName String db, @RequestParam(required = false) String minPosition) {
        return reads.answer(
                READ_MODEL, minPosition, new GetCompatibility(db), CompatibilityView.class, Unknown.database(db));
    }
}
