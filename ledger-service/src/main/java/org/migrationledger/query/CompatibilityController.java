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

    @Operation(
            summary = "Read the compatibility matrix",
            description = "Every migration of the database with its category, state and status per environment.")
    @GetMapping("/api/v1/databases/{db}/compatibility")
    ResponseEntity<CompatibilityView> compatibility(
            @PathVariable @LedgerName String db, @RequestParam(required = false) String minPosition) {
        return reads.answer(
                READ_MODEL, minPosition, new GetCompatibility(db), CompatibilityView.class, Unknown.database(db));
    }
}
