package org.migrationledger.proposal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.migrationledger.api.events.ClassificationWaiver;
import org.migrationledger.api.events.LinterEvidence;
import org.migrationledger.api.events.RiskAssessment;
import org.migrationledger.api.queries.ApprovalView;
import org.migrationledger.api.queries.EnvironmentStatusView;
import org.migrationledger.api.queries.GetMigration;
import org.migrationledger.api.queries.MigrationView;
import org.migrationledger.proposal.MigrationResponse.Analysis;
import org.migrationledger.web.ReadYourWrites;
import org.migrationledger.web.Unknown;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One migration as the compatibility read model knows it: the proposal, its state, approvals and environments. */
@RestController
@Tag(name = "Migrations")
class MigrationDetailController {

    private static final String READ_MODEL = "compatibility";

    private final ReadYourWrites reads;

    MigrationDetailController(ReadYourWrites reads) {
        this.reads = reads;
    }

    @Operation(
            summary = "Read one migration",
            description =
                    "The proposal as recorded, its current state, approvals, analysis and status per environment.")
    @GetMapping("/api/v1/databases/{db}/migrations/{id}")
    ResponseEntity<MigrationDetail> migration(
            @PathVariable String db, @PathVariable String id, @RequestParam(required = false) String minPosition) {
        ResponseEntity<MigrationView> answer = reads.answer(
                READ_MODEL, minPosition, new GetMigration(db, id), MigrationView.class, Unknown.migration(db, id));
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .body(MigrationDetail.of(answer.getBody()));
    }

    /** The same shape as the proposal's answer, plus the state, approvals and status per environment. */
    record MigrationDetail(
            String database,
            String migrationId,
            String version,
            String description,
            String author,
            String proposedBy,
            Instant proposedAt,
            String checksum,
            String status,
            String category,
            boolean breaking,
            boolean rollbackSafe,
            boolean hasDownScript,
            RiskAssessment risk,
            String expandMigrationId,
            Analysis analysis,
            List<LinterEvidence> linterEvidence,
            ClassificationWaiver waiver,
            String rejectedBy,
            String rejectionReason,
            List<ApprovalView> approvals,
            List<EnvironmentStatusView> environments) {

        static MigrationDetail of(MigrationView view) {
            return new MigrationDetail(
                    view.database(),
                    view.migrationId(),
                    view.version(),
                    view.description(),
                    view.author(),
                    view.proposedBy(),
                    view.proposedAt(),
                    view.checksum(),
                    view.state(),
                    view.category(),
                    view.breaking(),
                    view.rollbackSafe(),
                    view.hasDownScript(),
                    view.risk(),
                    view.expandMigrationId(),
                    Analysis.of(view.analysis(), view.breaking(), view.rollbackSafe(), view.category()),
                    view.linterEvidence(),
                    view.waiver(),
                    view.rejectedBy(),
                    view.rejectionReason(),
                    view.approvals(),
                    view.environments());
        }
    }
}
