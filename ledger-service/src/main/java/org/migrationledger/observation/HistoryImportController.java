package org.migrationledger.observation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.ledger.ImportHistory;
import org.migrationledger.ledger.ImportOutcome;
import org.migrationledger.naming.SemanticVersion;
import org.migrationledger.web.CommandDispatch;
import org.migrationledger.web.CommandDispatch.Dispatched;
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

/** Imports the migration history an environment's database kept before the ledger knew it. */
@RestController
@RequestMapping("/api/v1/databases/{db}/environments/{env}")
class HistoryImportController {

    private static final String CHECKSUM = "^([0-9a-fA-F]{64}|imported:.{1,100})$";

    private final CommandDispatch dispatch;

    HistoryImportController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @PostMapping("/history-imports")
    ResponseEntity<ImportResponse> importHistory(
            @PathVariable @LedgerName String db,
            @PathVariable @LedgerName String env,
            @RequestBody @Valid ImportRequest body,
            HttpServletRequest request,
            Authentication caller) {
        ImportHistory command = new ImportHistory(
                db,
                env,
                body.source(),
                body.entries().stream().map(EntryRequest::toEntry).toList());
        Dispatched<ImportOutcome> outcome = dispatch.send(command, db, request, caller, null, null);
        List<MigrationRunImported> imported = outcome.result().imported();
        return LedgerPosition.respond(
                HttpStatus.CREATED,
                outcome.position(),
                new ImportResponse(
                        db,
                        env,
                        body.source(),
                        imported.size(),
                        outcome.result().alreadyRecorded(),
                        imported.stream()
                                .filter(MigrationRunImported::newToLedger)
                                .map(MigrationRunImported::migrationId)
                                .toList()));
    }

    /** @param source {@code flyway_schema_history} or {@code schema_versions} */
    record ImportRequest(
            @NotNull
            @Pattern(
                    regexp = "flyway_schema_history|schema_versions",
                    message = "must be flyway_schema_history or schema_versions")
            String source,

            @NotEmpty @Size(max = 100_000) List<@NotNull @Valid EntryRequest> entries) {}

    /**
     * @param checksum SHA-256 of the script when the importer had it, else {@code imported:<the tool's checksum>}
     * @param rollbackSafe as the history says; false when absent
     */
    record EntryRequest(
            @NotBlank @Size(max = 200) String migrationId,

            @NotBlank @Pattern(regexp = SemanticVersion.PATTERN, message = "must be a semantic version like 1.4.0")
            String version,

            @Size(max = 2000) String description,
            @Size(max = 1000) String script,

            @NotBlank @Pattern(regexp = CHECKSUM, message = "must be a SHA-256 in hex, or imported:<tool checksum>")
            String checksum,

            @Size(max = 200) String installedBy,
            @NotNull Instant installedOn,
            @PositiveOrZero Long executionTimeMs,
            boolean success,
            Boolean rollbackSafe) {

        ImportHistory.Entry toEntry() {
            return new ImportHistory.Entry(
                    migrationId,
                    version,
                    description,
                    script,
                    checksum.startsWith("imported:") ? checksum : checksum.toLowerCase(java.util.Locale.ROOT),
                    installedBy,
                    installedOn,
                    executionTimeMs,
                    success,
                    Boolean.TRUE.equals(rollbackSafe));
        }
    }

    /**
     * @param imported how many runs were recorded
     * @param alreadyRecorded how many the ledger already held
     * @param newToLedger the migrations the ledger had never heard of, now known as imported
     */
    record ImportResponse(
            String database,
            String environment,
            String source,
            int imported,
            int alreadyRecorded,
            List<String> newToLedger) {}
}
