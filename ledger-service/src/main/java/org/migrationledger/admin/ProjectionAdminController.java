package org.migrationledger.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.NoSuchElementException;
import org.migrationledger.projection.audit.AuditTrailConsistency;
import org.migrationledger.projection.audit.AuditTrailConsistencyView;
import org.migrationledger.projection.rebuild.DeadLetterRetryView;
import org.migrationledger.projection.rebuild.DeadLetterView;
import org.migrationledger.projection.rebuild.DeadLetters;
import org.migrationledger.projection.rebuild.ProcessingFailureView;
import org.migrationledger.projection.rebuild.ProcessingFailures;
import org.migrationledger.projection.rebuild.ProjectionProcessors;
import org.migrationledger.projection.rebuild.ProjectionRebuilds;
import org.migrationledger.projection.rebuild.ProjectionStatusView;
import org.migrationledger.projection.rebuild.RebuildRefused;
import org.migrationledger.projection.rebuild.UnknownDeadLetter;
import org.migrationledger.web.Problems;
import org.migrationledger.web.ReadYourWrites;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Blue-green rebuilds of read models (docs/adr/0010): start, watch, switch, roll back, cancel. Admin only. */
@RestController
@Tag(name = "Administration")
@RequestMapping("/api/v1/admin/projections")
class ProjectionAdminController {

    private final ProjectionRebuilds rebuilds;
    private final ProjectionProcessors processors;
    private final AuditTrailConsistency auditTrail;
    private final ProcessingFailures failures;
    private final DeadLetters deadLetters;

    ProjectionAdminController(
            ProjectionRebuilds rebuilds,
            ProjectionProcessors processors,
            AuditTrailConsistency auditTrail,
            ProcessingFailures failures,
            DeadLetters deadLetters) {
        this.rebuilds = rebuilds;
        this.processors = processors;
        this.auditTrail = auditTrail;
        this.failures = failures;
        this.deadLetters = deadLetters;
    }

    /**
     * Compares the serving audit trail with the event store over a position range (default: everything its processor
     * has processed): per database, stored events, rows, missing and unexpected rows, and the first missing position.
     */
    @Operation(
            summary = "Check the audit trail against the event store",
            description =
                    "Per database over a position range (default: all the processor processed): stored events, audit rows, missing and unexpected rows, the first missing position.")
    @GetMapping("/audit-trail/consistency")
    AuditTrailConsistencyView auditTrailConsistency(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        long fromPosition = Math.max(0, ReadYourWrites.position("from", from));
        long toPosition = ReadYourWrites.position("to", to);
        return auditTrail.checkActive(fromPosition, toPosition < 0 ? null : toPosition);
    }

    /** The events read-model processors on this node are stuck on (a handler failed and they retry it). */
    @Operation(
            summary = "List read-model processing failures",
            description =
                    "The events read-model processors on this node are stuck on: a handler failed and they retry it.")
    @GetMapping("/failures")
    List<ProcessingFailureView> failures() {
        return failures.current();
    }

    @Operation(
            summary = "List dead letters",
            description =
                    "Events a read model's handlers failed on and set aside so that its processor went on (docs/adr/0014), per read model and ledger in queue order; later events of the same ledger wait behind the first.")
    @GetMapping("/dead-letters")
    List<DeadLetterView> deadLetters() {
        return deadLetters.list();
    }

    /** Hands the letter's sequence back to the handlers; it stops at the first letter that fails again. */
    @Operation(
            summary = "Retry a dead-letter sequence",
            description =
                    "Hands the ledger's set-aside events, this one's sequence, back to the read model's handlers in order; projected is false and the rest stay queued if one fails again.")
    @PostMapping("/dead-letters/{id}/retry")
    DeadLetterRetryView retryDeadLetter(@PathVariable String id) {
        return deadLetters.retry(id);
    }

    /** Drops the letter: its event stays missing from the read model until a rebuild. */
    @Operation(
            summary = "Evict a dead letter",
            description =
                    "Drops the dead letter for good; its event stays missing from the read model until the read model is rebuilt. Answers the evicted letter.")
    @DeleteMapping("/dead-letters/{id}")
    DeadLetterView evictDeadLetter(@PathVariable String id) {
        return deadLetters.evict(id);
    }

    @Operation(
            summary = "List read models",
            description = "Every read model with its active generation, processing position and lag.")
    @GetMapping
    List<ProjectionStatusView> all() {
        return processors.readModelNames().stream()
                .sorted()
                .map(rebuilds::status)
                .toList();
    }

    @Operation(
            summary = "Read one read model",
            description =
                    "The read model's generations (active, rebuilding, standby), positions and comparison verdict.")
    @GetMapping("/{name}")
    ProjectionStatusView status(@PathVariable String name) {
        return rebuilds.status(name);
    }

    /** Starts building a new generation; it switches over by itself once caught up and equal, unless told not to. */
    @Operation(
            summary = "Start a blue-green rebuild",
            description =
                    "Builds a new generation of the read model from the event store beside the serving one; it switches over by itself once caught up and equal, unless autoSwitch is false.")
    @PostMapping("/{name}/rebuilds")
    ResponseEntity<ProjectionStatusView> rebuild(
            @PathVariable String name, @RequestBody(required = false) RebuildRequest body) {
        boolean autoSwitch = body == null || body.autoSwitch() == null || body.autoSwitch();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.start(name, autoSwitch));
    }

    @Operation(summary = "Cancel a rebuild", description = "Stops and drops the generation being built.")
    @DeleteMapping("/{name}/rebuilds")
    ProjectionStatusView cancel(@PathVariable String name) {
        return rebuilds.cancel(name);
    }

    /** Switches to the rebuilt generation; {@code force} accepts differences its comparison found. */
    @Operation(
            summary = "Switch to the rebuilt generation",
            description = "Serves the rebuilt generation; force accepts differences its comparison found.")
    @PostMapping("/{name}/switch")
    ProjectionStatusView switchOver(@PathVariable String name, @RequestParam(defaultValue = "false") boolean force) {
        return rebuilds.switchToReady(name, force);
    }

    /** Serves the previous generation again (it was kept up to date as standby). */
    @Operation(
            summary = "Roll back to the previous generation",
            description = "Serves the previous generation again (kept up to date as standby).")
    @PostMapping("/{name}/rollback")
    ProjectionStatusView rollback(@PathVariable String name) {
        return rebuilds.rollback(name);
    }

    @ExceptionHandler(RebuildRefused.class)
    ProblemDetail refused(RebuildRefused e) {
        return Problems.of(HttpStatus.CONFLICT, "rebuild-refused", "Refused", e.getMessage() + ".");
    }

    @ExceptionHandler(UnknownDeadLetter.class)
    ProblemDetail unknownDeadLetter(UnknownDeadLetter e) {
        return Problems.withFieldErrors(
                HttpStatus.NOT_FOUND,
                "unknown-dead-letter",
                "Not found",
                e.getMessage() + "; GET /api/v1/admin/projections/dead-letters lists the current ones.",
                List.of(new Problems.FieldProblem("id", "no such dead letter")));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail unknown(NoSuchElementException e) {
        String known =
                String.join(", ", processors.readModelNames().stream().sorted().toList());
        return Problems.of(
                HttpStatus.NOT_FOUND,
                "unknown-read-model",
                "Not found",
                e.getMessage() + "; the read models are " + known + ".");
    }

    /** @param autoSwitch switch as soon as the new generation is caught up and equal to the active one; default true */
    record RebuildRequest(Boolean autoSwitch) {}
}
