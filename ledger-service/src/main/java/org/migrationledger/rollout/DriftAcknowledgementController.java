package org.migrationledger.rollout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.migrationledger.api.events.DriftAcknowledged;
import org.migrationledger.api.events.DriftAcknowledgementWithdrawn;
import org.migrationledger.api.queries.DriftAcknowledgementView;
import org.migrationledger.api.queries.DriftAcknowledgementsView;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.api.queries.DriftReportView;
import org.migrationledger.api.queries.FindDrift;
import org.migrationledger.api.queries.FindDriftAcknowledgements;
import org.migrationledger.ledger.AcknowledgeDrift;
import org.migrationledger.ledger.CheckReporting;
import org.migrationledger.ledger.LedgerRuleViolation;
import org.migrationledger.ledger.WithdrawDriftAcknowledgement;
import org.migrationledger.web.CommandDispatch;
import org.migrationledger.web.CommandDispatch.Dispatched;
import org.migrationledger.web.InvalidRequestException;
import org.migrationledger.web.LedgerName;
import org.migrationledger.web.LedgerPosition;
import org.migrationledger.web.MigrationIdParameter;
import org.migrationledger.web.ReadYourWrites;
import org.migrationledger.web.Unknown;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accepted drift: a dba records that open findings are known and accepted. The findings are read from the drift
 * report when the acknowledgement is made, so it covers the drift as it stood then and nothing it grows into.
 */
@RestController
@Tag(name = "Drift")
@RequestMapping("/api/v1/databases/{db}/drift/acknowledgements")
class DriftAcknowledgementController {

    private final CommandDispatch dispatch;
    private final ReadYourWrites reads;
    private final Clock clock;

    DriftAcknowledgementController(CommandDispatch dispatch, ReadYourWrites reads, Clock clock) {
        this.dispatch = dispatch;
        this.reads = reads;
        this.clock = clock;
    }

    @Operation(
            summary = "Accept open drift",
            description =
                    "Records that the open drift findings of one kind in one environment (narrowed to a migration, or to findings naming a schema object) are known and accepted, with a reason and an optional expiry. They stay in the drift report marked with who accepted them and why, and stop gating; they gate again when the acknowledgement expires or is withdrawn, or when the drift changes (a finding whose detail differs is not covered). 422 no-open-finding when no open finding matches.")
    @PostMapping
    ResponseEntity<DriftAcknowledged> acknowledge(
            @PathVariable @LedgerName String db,
            @RequestBody @Valid AcknowledgementRequest body,
            HttpServletRequest request,
            Authentication caller) {
        String migrationId =
                body.migrationId() == null ? null : MigrationIdParameter.fromRequest(body.migrationId(), "migrationId");
        if (body.expiresAt() != null && !body.expiresAt().isAfter(clock.instant())) {
            throw new InvalidRequestException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "invalid-request",
                    "expiresAt",
                    "expiresAt must be in the future, not " + body.expiresAt() + ".");
        }
        dispatch.send(new CheckReporting(db, body.environment()), db, request, caller, null, null);
        List<String> covered = openFindings(db, body, migrationId);
        AcknowledgeDrift command = new AcknowledgeDrift(
                db,
                UUID.randomUUID().toString(),
                body.kind(),
                body.environment(),
                migrationId,
                body.object(),
                covered,
                body.reason(),
                caller.getName(),
                body.expiresAt());
        Dispatched<DriftAcknowledged> outcome = dispatch.send(command, db, request, caller, null, null);
        return LedgerPosition.respond(HttpStatus.CREATED, outcome.position(), outcome.result());
    }

    @Operation(
            summary = "List acknowledgements of drift",
            description =
                    "Every acknowledgement of drift in the database, newest first, with whether it is still in force (not expired, not withdrawn).")
    @GetMapping
    ResponseEntity<DriftAcknowledgementsView> list(
            @PathVariable @LedgerName String db, @RequestParam(required = false) String minPosition) {
        reads.await("governance", ReadYourWrites.position(minPosition));
        return ResponseEntity.ok(reads.query(new FindDriftAcknowledgements(db), DriftAcknowledgementsView.class));
    }

    @Operation(
            summary = "Withdraw an acknowledgement of drift",
            description =
                    "Withdraws an acknowledgement in force: its findings gate again. 404 for an unknown id, 409 acknowledgement-ended when it already expired or was withdrawn.")
    @DeleteMapping("/{acknowledgementId}")
    ResponseEntity<DriftAcknowledgementWithdrawn> withdraw(
            @PathVariable @LedgerName String db,
            @PathVariable String acknowledgementId,
            HttpServletRequest request,
            Authentication caller) {
        DriftAcknowledgementView acknowledgement =
                reads
                        .query(new FindDriftAcknowledgements(db), DriftAcknowledgementsView.class)
                        .acknowledgements()
                        .stream()
                        .filter(a -> a.acknowledgementId().equals(acknowledgementId))
                        .findFirst()
                        .orElseThrow(() -> new LedgerRuleViolation(
                                "unknown-acknowledgement",
                                LedgerRuleViolation.Refusal.UNKNOWN,
                                "Database " + db + " has no acknowledgement of drift " + acknowledgementId + "."));
        if (!acknowledgement.inForce()) {
            throw new LedgerRuleViolation(
                    "acknowledgement-ended",
                    LedgerRuleViolation.Refusal.CONFLICT,
                    "Acknowledgement " + acknowledgementId + " is no longer in force (expired or withdrawn).");
        }
        Dispatched<DriftAcknowledgementWithdrawn> outcome = dispatch.send(
                new WithdrawDriftAcknowledgement(db, acknowledgementId, caller.getName()),
                db,
                request,
                caller,
                null,
                null);
        return LedgerPosition.respond(HttpStatus.OK, outcome.position(), outcome.result());
    }

    /** The details of the open findings the request names; refused when it names none. */
    private List<String> openFindings(String db, AcknowledgementRequest body, String migrationId) {
        List<DriftFindingView> findings = reads.answer(
                        "drift", null, new FindDrift(db), DriftReportView.class, Unknown.database(db))
                .getBody()
                .findings();
        List<String> covered = findings.stream()
                .filter(f -> f.kind().equals(body.kind()) && f.environment().equals(body.environment()))
                .filter(f -> migrationId == null || migrationId.equals(f.migrationId()))
                .filter(f -> body.object() == null
                        || f.detail()
                                .toLowerCase(Locale.ROOT)
                                .contains(body.object().toLowerCase(Locale.ROOT)))
                .map(DriftFindingView::detail)
                .distinct()
                .toList();
        if (covered.isEmpty()) {
            throw new InvalidRequestException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "no-open-finding",
                    "kind",
                    "No open %s finding in %s%s%s; GET /api/v1/databases/%s/drift lists the open findings."
                            .formatted(
                                    body.kind(),
                                    body.environment(),
                                    migrationId == null ? "" : " about " + migrationId,
                                    body.object() == null ? "" : " naming " + body.object(),
                                    db));
        }
        return covered;
    }

    record AcknowledgementRequest(
            @NotBlank
            @Pattern(regexp = "^[A-Z][A-Z_]{1,63}$", message = "must be a drift finding kind such as STRUCTURAL")
            String kind,

            @NotBlank @Pattern(regexp = org.migrationledger.naming.Names.NAME, message = "must be an environment name")
            String environment,

            @Size(max = 200) String migrationId,
            @Size(max = 255) String object,
            @NotBlank @Size(max = 4000) String reason,
            Instant expiresAt) {}
}
