package org.migrationledger.observation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.migrationledger.api.events.MigrationHistoryRepaired;
import org.migrationledger.api.events.MigrationHistoryRepaired.RepairedEntry;
import org.migrationledger.ledger.RecordHistoryRepair;
import org.migrationledger.web.CommandDispatch;
import org.migrationledger.web.CommandDispatch.Dispatched;
import org.migrationledger.web.InvalidRequestException;
import org.migrationledger.web.LedgerName;
import org.migrationledger.web.LedgerPosition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Repairs of an environment's history table ({@code flyway repair}), each recorded as its own fact. */
@RestController
@RequestMapping("/api/v1/databases/{db}/environments/{env}")
class HistoryRepairController {

    private final CommandDispatch dispatch;

    HistoryRepairController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @PostMapping("/history-repairs")
    ResponseEntity<MigrationHistoryRepaired> repaired(
            @PathVariable @LedgerName String db,
            @PathVariable @LedgerName String env,
            @RequestBody @Valid RepairRequest body,
            HttpServletRequest request,
            Authentication caller) {
        List<RepairedEntry> removedFailed = entries(body.removedFailed());
        List<RepairedEntry> markedDeleted = entries(body.markedDeleted());
        List<RepairedEntry> realigned = entries(body.realigned());
        if (removedFailed.isEmpty() && markedDeleted.isEmpty() && realigned.isEmpty()) {
            // A repair that changed nothing leaves no trace in the history table, and none in the ledger either.
            throw new InvalidRequestException(
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    "removedFailed",
                    "a repair must have removed, marked deleted or realigned at least one entry");
        }
        RecordHistoryRepair command =
                new RecordHistoryRepair(db, env, body.tool(), removedFailed, markedDeleted, realigned);
        Dispatched<MigrationHistoryRepaired> outcome = dispatch.send(command, db, request, caller, body.tool(), null);
        return LedgerPosition.respond(HttpStatus.CREATED, outcome.position(), outcome.result());
    }

    private static List<RepairedEntry> entries(List<EntryRequest> entries) {
        return entries == null
                ? List.of()
                : entries.stream()
                        .map(e -> new RepairedEntry(null, e.version(), e.description(), e.script()))
                        .toList();
    }

    /** @param tool the tool that repaired, e.g. {@code flyway} */
    record RepairRequest(
            @NotBlank @Size(max = 100) String tool,
            @Size(max = 10_000) List<@NotNull @Valid EntryRequest> removedFailed,
            @Size(max = 10_000) List<@NotNull @Valid EntryRequest> markedDeleted,
            @Size(max = 10_000) List<@NotNull @Valid EntryRequest> realigned) {}

    /** @param version null for a repeatable migration */
    record EntryRequest(
            @Size(max = 50) String version,
            @NotBlank @Size(max = 200) String description,
            @Size(max = 1000) String script) {}
}
