package org.migrationledger.rollout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.migrationledger.naming.MigrationIds;
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
@Tag(name = "Environments")
@RequestMapping("/api/v1/databases/{db}/environments/{env}")
class EnvironmentController {

    private final CommandDispatch dispatch;
    private final GateDrift drift;

    EnvironmentController(CommandDispatch dispatch, GateDrift drift) {
        this.dispatch = dispatch;
        this.drift = drift;
    }

    @Operation(
            summary = "Record that a migration ran",
            description =
                    "Records the outcome of a migration run in the environment (SUCCEEDED or FAILED), with the SHA-256 checksum of the script that ran. Facts are never refused for policy: a breach is recorded with the fact and returned as violations. A migration the ledger never saw is recorded too and becomes known as UNPROPOSED (version from the optional version field, else implied by its Flyway-style name), with a NOT_PROPOSED violation. For a failure, error and failedStatement are kept with secrets masked and cut to 8000 characters. Send an Idempotency-Key so that a retry records nothing twice.")
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
                versionOf(body.version(), body.migrationId()),
                body.checksum().toLowerCase(Locale.ROOT),
                body.outcome() == Outcome.SUCCEEDED,
                body.startedAt(),
                body.durationMs(),
                body.error(),
                body.failedStatement(),
                body.tool(),
                body.runUrl(),
                caller.getName());
        Dispatched<List<PolicyViolation>> outcome =
                dispatch.send(command, db, request, caller, body.tool(), body.runUrl());
        return LedgerPosition.respond(
                HttpStatus.CREATED,
                outcome.position(),
                new FactResponse(db, migrationId, env, body.outcome().name(), outcome.result()));
    }

    @Operation(
            summary = "Record a rollback",
            description =
                    "Records that a migration was rolled back in the environment (by its down script, or a restore). A migration the ledger never saw is recorded as UNPROPOSED, like an apply.")
    @PostMapping("/rollbacks")
    ResponseEntity<FactResponse> rollBack(
            @PathVariable @LedgerName String db,
            @PathVariable @LedgerName String env,
            @RequestBody @Valid RollbackRequest body,
            HttpServletRequest request,
            Authentication caller) {
        String migrationId = MigrationIdParameter.fromRequest(body.migrationId(), "migrationId");
        RecordRollback command = new RecordRollback(
                db,
                migrationId,
                env,
                versionOf(body.version(), body.migrationId()),
                body.method().name(),
                body.reason(),
                body.tool(),
                body.runUrl());
        Dispatched<List<PolicyViolation>> outcome =
                dispatch.send(command, db, request, caller, body.tool(), body.runUrl());
        return LedgerPosition.respond(
                HttpStatus.CREATED,
                outcome.position(),
                new FactResponse(db, migrationId, env, "ROLLED_BACK", outcome.result()));
    }

    @Operation(
            summary = "Ask whether a migration may run",
            description =
                    "The gate decision for one migration in this environment: allowed, or every reason it may not run yet (approval, earlier environments first, earlier migrations first, checksum, stability window, drift). Records nothing.")
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

    @Operation(
            summary = "Record a release deployed",
            description =
                    "Records that an application release was deployed to the environment; contract migrations wait for a number of releases after their expand.")
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

    /** The version a fact gives, else the one its name implies; used only if the migration turns out unknown. */
    private static String versionOf(String given, String rawMigrationId) {
        return given != null
                ? given
                : MigrationIds.impliedVersion(rawMigrationId).orElseThrow();
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

            // Longer texts are accepted and cut when recorded: a crash loop's log must not cost the fact.
            @Size(max = 200_000) String error,
            @Size(max = 200_000) String failedStatement,

            @Pattern(regexp = SemanticVersion.PATTERN, message = "must be a semantic version like 1.4.0")
            String version,

            @Size(max = 100) String tool,
            @Size(max = 2000) String runUrl) {}

    record RollbackRequest(
            @NotBlank @Size(max = 200) String migrationId,
            @NotBlank @Size(max = 4000) String reason,

            @NotNull(message = "must be DOWN_SCRIPT, RESTORE or FORWARD_FIX")
            RollbackMethod method,

            @Pattern(regexp = SemanticVersion.PATTERN, message = "must be a semantic version like 1.4.0")
            String version,

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
