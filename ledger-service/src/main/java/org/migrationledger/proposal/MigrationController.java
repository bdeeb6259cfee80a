package org.migrationledger.proposal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.migrationledger.api.events.ClassificationWaiver;
import org.migrationledger.api.events.LinterEvidence;
import org.migrationledger.api.events.MigrationApproved;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRejected;
import org.migrationledger.api.events.MigrationRevised;
import org.migrationledger.api.events.RiskAssessment;
import org.migrationledger.ledger.ApproveMigration;
import org.migrationledger.ledger.ProposeMigration;
import org.migrationledger.ledger.RejectMigration;
import org.migrationledger.ledger.ReviseMigration;
import org.migrationledger.naming.Names;
import org.migrationledger.naming.SemanticVersion;
import org.migrationledger.web.CommandDispatch;
import org.migrationledger.web.CommandDispatch.Dispatched;
import org.migrationledger.web.LedgerName;
import org.migrationledger.web.LedgerPosition;
import org.migrationledger.web.MigrationIdParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/databases/{db}/migrations")
class MigrationController {

    private final CommandDispatch dispatch;
    private final ProposalAnalysis analysis;

    MigrationController(CommandDispatch dispatch, ProposalAnalysis analysis) {
        this.dispatch = dispatch;
        this.analysis = analysis;
    }

    @PostMapping
    ResponseEntity<MigrationResponse> propose(
            @PathVariable @LedgerName String db,
            @RequestBody @Valid ProposalRequest body,
            HttpServletRequest request,
            Authentication caller) {
        Dispatched<MigrationProposed> outcome =
                dispatch.send(body.toCommand(db, caller.getName(), analysis), db, request, caller, null, null);
        MigrationProposed proposed = outcome.result();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(LedgerPosition.HEADER, Long.toString(outcome.position()))
                .location(request.getRequestURL()
                        .append('/')
                        .append(proposed.migrationId())
                        .toString()
                        .transform(java.net.URI::create))
                .body(MigrationResponse.proposed(proposed));
    }

    @PostMapping("/{id}/approvals")
    ResponseEntity<MigrationApproved> approve(
            @PathVariable @LedgerName String db,
            @PathVariable String id,
            @RequestBody(required = false) @Valid ApprovalRequest body,
            HttpServletRequest request,
            Authentication caller) {
        ApprovalRequest approval = body == null ? new ApprovalRequest(null, null, null) : body;
        String role = ApproverRoles.roleFor(caller, approval.role());
        ApproveMigration command = new ApproveMigration(
                db,
                MigrationIdParameter.fromRequest(id, "id"),
                caller.getName(),
                role,
                lower(approval.checksum()),
                approval.comment());
        Dispatched<MigrationApproved> outcome = dispatch.send(command, db, request, caller, null, null);
        return LedgerPosition.respond(HttpStatus.CREATED, outcome.position(), outcome.result());
    }

    @PostMapping("/{id}/revisions")
    ResponseEntity<MigrationRevised> revise(
            @PathVariable @LedgerName String db,
            @PathVariable String id,
            @RequestBody @Valid RevisionRequest body,
            HttpServletRequest request,
            Authentication caller) {
        String migrationId = MigrationIdParameter.fromRequest(id, "id");
        ReviseMigration command = new ReviseMigration(
                db,
                migrationId,
                caller.getName(),
                ScriptChecksums.of(body.script(), body.checksum()),
                body.script(),
                body.downScript(),
                body.reason(),
                analysis.analyse(db, migrationId, null, body.script(), body.downScript()));
        Dispatched<MigrationRevised> outcome = dispatch.send(command, db, request, caller, null, null);
        return LedgerPosition.respond(HttpStatus.CREATED, outcome.position(), outcome.result());
    }

    @PostMapping("/{id}/rejections")
    ResponseEntity<MigrationRejected> reject(
            @PathVariable @LedgerName String db,
            @PathVariable String id,
            @RequestBody @Valid RejectionRequest body,
            HttpServletRequest request,
            Authentication caller) {
        RejectMigration command =
                new RejectMigration(db, MigrationIdParameter.fromRequest(id, "id"), caller.getName(), body.reason());
        Dispatched<MigrationRejected> outcome = dispatch.send(command, db, request, caller, null, null);
        return LedgerPosition.respond(HttpStatus.CREATED, outcome.position(), outcome.result());
    }

    private static String lower(String checksum) {
        return checksum == null ? null : checksum.toLowerCase(Locale.ROOT);
    }

    record ProposalRequest(
            @NotBlank @Size(max = 200) String migrationId,

            @NotBlank @Pattern(regexp = SemanticVersion.PATTERN, message = "must be a semantic version like 1.4.0")
            String version,

            @NotBlank @Size(max = 2000) String description,
            String script,
            String downScript,

            @Pattern(regexp = Names.SHA256_HEX, message = "must be a SHA-256 in hex (64 characters)")
            String checksum,

            @Pattern(regexp = "expand|migrate|contract", message = "must be expand, migrate or contract")
            String category,

            Boolean breaking,
            Boolean rollbackSafe,
            @Size(max = 200) String author,
            @NotNull @Valid RiskRequest risk,
            @Size(max = 50) List<@NotBlank String> verificationQueries,
            @Size(max = 200) String expandMigrationId,
            @Size(max = 10) List<@NotNull @Valid LinterEvidenceRequest> linterEvidence,
            @Valid WaiverRequest waiver) {

        ProposeMigration toCommand(String db, String principal, ProposalAnalysis analysis) {
            String effectiveChecksum = ScriptChecksums.of(script, checksum);
            String id = MigrationIdParameter.fromRequest(migrationId, "migrationId");
            return new ProposeMigration(
                    db,
                    id,
                    version,
                    description,
                    author,
                    principal,
                    effectiveChecksum,
                    script,
                    downScript,
                    category,
                    breaking,
                    rollbackSafe,
                    risk.toRisk(),
                    verificationQueries == null ? List.of() : verificationQueries,
                    expandMigrationId == null
                            ? null
                            : MigrationIdParameter.fromRequest(expandMigrationId, "expandMigrationId"),
                    analysis.analyse(db, id, version, script, downScript),
                    linterEvidence == null
                            ? List.of()
                            : linterEvidence.stream()
                                    .map(LinterEvidenceRequest::toEvidence)
                                    .toList(),
                    waiver == null ? null : new ClassificationWaiver(waiver.reason(), principal));
        }
    }

    record RiskRequest(
            @NotBlank @Pattern(regexp = "(?i)low|medium|high", message = "must be LOW, MEDIUM or HIGH")
            String impact,

            @NotBlank @Size(max = 4000) String rollbackPlan,
            @Size(max = 4000) String testingEvidence,
            @PositiveOrZero Long estimatedRuntimeSeconds) {

        RiskAssessment toRisk() {
            return new RiskAssessment(
                    impact.toUpperCase(Locale.ROOT), rollbackPlan, testingEvidence, estimatedRuntimeSeconds);
        }
    }

    record LinterEvidenceRequest(
            @NotBlank @Size(max = 100) String tool,
            @Size(max = 50) String format,
            @NotBlank String report) {

        LinterEvidence toEvidence() {
            return new LinterEvidence(tool, format == null ? "text" : format, report);
        }
    }

    record WaiverRequest(@NotBlank @Size(max = 4000) String reason) {}

    record ApprovalRequest(
            @Pattern(regexp = "approver|dba", message = "must be approver or dba")
            String role,

            @Size(max = 4000) String comment,

            @Pattern(regexp = Names.SHA256_HEX, message = "must be a SHA-256 in hex (64 characters)")
            String checksum) {}

    record RejectionRequest(@NotBlank @Size(max = 4000) String reason) {}

    record RevisionRequest(
            String script,
            String downScript,

            @Pattern(regexp = Names.SHA256_HEX, message = "must be a SHA-256 in hex (64 characters)")
            String checksum,

            @NotBlank @Size(max = 4000) String reason) {}
}
