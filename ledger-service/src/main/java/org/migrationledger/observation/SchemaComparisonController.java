package org.migrationledger.observation;

import org.migrationledger.api.queries.CompareSchemas;
import org.migrationledger.api.queries.SchemaComparisonView;
import org.migrationledger.web.LedgerName;
import org.migrationledger.web.ReadYourWrites;
import org.migrationledger.web.Unknown;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SchemaComparisonController {

    private final ReadYourWrites reads;

    SchemaComparisonController(ReadYourWrites reads) {
        this.reads = reads;
    }

    /**
     * The schemas last observed in two environments side by side; without {@code from}, {@code to} is compared with
     * the schema expected at its version.
     */
    @GetMapping("/api/v1/databases/{db}/schema-comparison")
    ResponseEntity<SchemaComparisonView> compare(
            @PathVariable @LedgerName String db,
            @RequestParam(required = false) String from,
            @RequestParam String to,
            @RequestParam(required = false) String minPosition) {
        return reads.answer(
                "observed-schema",
                minPosition,
                new CompareSchemas(db, from, to),
                SchemaComparisonView.class,
                new Unknown(
                        "unknown-observed-schema",
                        "No schema has been observed in " + (from == null ? "" : from + " or ") + to + " of database "
                                + db + " (send one with POST .../environments/{env}/schema-snapshots)."));
    }
}
