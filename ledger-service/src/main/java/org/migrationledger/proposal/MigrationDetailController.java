package org.migrationledger.proposal;

import org.migrationledger.api.queries.GetMigration;
import org.migrationledger.api.queries.MigrationView;
import org.migrationledger.web.LedgerName;
import org.migrationledger.web.MigrationIdParameter;
import org.migrationledger.web.ReadYourWrites;
import org.migrationledger.web.Unknown;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One migration as the compatibility read model knows it: the proposal, its state, approvals and environments. */
@RestController
class MigrationDetailController {

    private static final String READ_MODEL = "compatibility";

    private final ReadYourWrites reads;

    MigrationDetailController(ReadYourWrites reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/databases/{db}/migrations/{id}")
    ResponseEntity<MigrationResponse> migration(
            @PathVariable @LedgerName String db,
            @PathVariable String id,
            @RequestParam(required = false) String minPosition) {
        ResponseEntity<MigrationView> answer = reads.answer(
                READ_MODEL,
                minPosition,
                new GetMigration(db, MigrationIdParameter.fromRequest(id, "id")),
                MigrationView.class,
                Unknown.migration(db, id));
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .body(MigrationResponse.of(answer.getBody()));
    }
}
