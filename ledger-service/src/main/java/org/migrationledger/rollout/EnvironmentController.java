package org.migrationledger.rollout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.migrationledger.api.events.PolicyViolation;
import org.migrationledger.api.events.ReleaseDeployed;
import org.migrationledger.ledger.CheckGate;
import org.migrationledger.ledger.GateDecision;
import org.migrationledger.ledger.RecordApply;
import org.migrationledger.ledger.RecordRelease;
import org.migrationledger.ledger.RecordRollback;
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

/** Facts reported by pipelines about one environment, and the gate they ask before applying. */
@RestController
@RequestMapping("/api/v1/databases/{db}/environments/{env}")
class EnvironmentController {

    private final CommandDispatch dispatch;
    private final GateDrift drift;

    EnvironmentController(CommandDispatch dispatch, GateDrift drift) {
        this.dispatch = dispatch;
        this.drift = drift;
    }

    @PostMapping("/applies")
    ResponseEntity<FactResponse> apply(
            @PathVariable @LedgerName String db,
            @PathVariable @LedgerName String env,
            @RequestBody @Valid ApplyRequest body,
            HttpServletRequest request,
            Authentication caller) {
        String migrationId = MigrationIdParameter.fromRequest(body.migrationId(), "migrationId");
        RecordApply command = new RecordApply(
                db,
                migrationId,
                env,
                body.checksum().toLowerCase(Locale.ROOT),
                body.outcome() == Outcome.SUCCEEDED,
                body.startedAt(),
                body.durationMs(),
                body.error(),
                body.tool(),
                body.runUrl());
        Dispatched<List<PolicyViolation>> outcome =
                dispatch.send(command, db, request, caller, body.tool(), body.runUrl());
        return LedgerPosition.respond(
                HttpStatus.CREATED,
                outcome.position(),
                new FactResponse(db, migrationId, env, body.outcome().name(), outcome.result()));
    }

    @PostMapping("/rollbacks")
    ResponseEntity<FactResponse> rollBack(
            @PathVariable @LedgerName String db,
            @PathVariable @LedgerName String env,
            @RequestBody @Valid RollbackRequest body,
            HttpServletRequest request,
            Authentication caller) {
        String migrationId = MigrationIdParameter.fromRequest(body.migrationId(), "migrationId");
        RecordRollback command = new RecordRollback(
                db, migrationId, env, body.method().name(), body.reason(), body.tool(), body.runUrl());
        Dispatched<List<PolicyViolation>> outcome =
                dispatch.send(command, db, request, caller, body.tool(), body.runUrl());
        return LedgerPosition.respond(
                HttpStatus.CREATED,
                outcome.position(),
                new FactResponse(db, migrationId, env, "ROLLED_BACK", outcome.result()));
    }

    @PostMapping("/gate")
    ResponseEntity<GateDecision> gate(
            @PathVariable @LedgerName String db,
            @PathVariable @LedgerName String env,
            @RequestBody @Valid GateRequest body,
            HttpServletRequest request,
            Authentication caller) {
        CheckGate command = new CheckGate(
                db,
                MigrationIdParameter.fromRequest(body.migrationId(), "migrationId"),
                env,
                body.checksum() == null ? null : body.checksum().toLowerCase(Locale.ROOT));
        Dispatched<GateDecision> outcome = dispatch.send(command, db, request, caller, null, null);
        List<PolicyViolation> reasons = new ArrayList<>(outcome.result().reasons());
        reasons.addAll(drift.reasons(db, env));
        return LedgerPosition.respond(HttpStatus.OK, outcome.position(), GateDecision.of(reasons));
    }

    @PostMapping("/releases")
    ResponseEntity<ReleaseDeployed> release(
            @PathVariable @LedgerName String db,
            @PathVariable @LedgerName String env,
            @RequestBody @Valid ReleaseRequest body,
            HttpServletRequest request,
            Authentication caller) {
        RecordRelease command = new RecordRelease(db, env, body.release(), body.schemaVersion());
        Dispatched<ReleaseDeployed> outcome = dispatch.send(command, db, request, caller, null, null);
        return LedgerPosition.respond(HttpStatus.CREATED, outcome.position(), outcome.result());
    }

    enum Outcome {
        SUCCEEDED,
        FAILED
    }

    enum RollbackMethod {
        DOWN_SCRIPT,
        RESTORE,
        FORWARD_FIX
    }

    record ApplyRequest(
            @NotBlank @Size(max = 200) String migrationId,

            @NotBlank @Pattern(regexp = Names.SHA256_HEX, message = "must be a SHA-256 in hex (64 characters)")
            String checksum,

            @NotNull(message = "must be SUCCEEDED or FAILED")
            Outcome outcome,

            Instant startedAt,
            @PositiveOrZero Long durationMs,
            @Size(max = 20000) String error,
            @Size(max = 100) String tool,
            @Size(max = 2000) String runUrl) {}

    record RollbackRequest(
            @NotBlank @Size(max = 200) String migrationId,
            @NotBlank @Size(max = 4000) String reason,

            @NotNull(message = "must be DOWN_SCRIPT, RESTORE or FORWARD_FIX")
            RollbackMethod method,

            @Size(max = 100) String tool,
            @Size(max = 2000) String runUrl) {}

    record GateRequest(
            @NotBlank @Size(max = 200) String migrationId,

            @Pattern(regexp = Names.SHA256_HEX, message = "must be a SHA-256 in hex (64 characters)")
            String checksum) {}

    record ReleaseRequest(
            @NotBlank @Size(max = 200) String release,

            @Pattern(regexp = SemanticVersion.PATTERN, message = "must be a semantic version like 1.4.0")
            String schemaVersion) {}

    /** @param violations the policy breaches recorded with the fact; empty when it was within policy */
    record FactResponse(
            String database,
            String migrationId,
            String environment,
            String outcome,
            List<PolicyViolation> violations) {}
}
