package org.migrationledger.observation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.migrationledger.api.events.SchemaSnapshotObserved;
import org.migrationledger.ledger.RecordSchemaSnapshot;
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

/** Observations of what really is in an environment's database: its schema and its migration tool's history. */
@RestController
@RequestMapping("/api/v1/databases/{db}/environments/{env}")
class SchemaSnapshotController {

    private final CommandDispatch dispatch;

    SchemaSnapshotController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @PostMapping("/schema-snapshots")
    ResponseEntity<SnapshotResponse> observe(
            @PathVariable @LedgerName String db,
            @PathVariable @LedgerName String env,
            @RequestBody @Valid SnapshotRequest body,
            HttpServletRequest request,
            Authentication caller) {
        if (body.schema() == null && body.flywayHistory() == null) {
            throw new InvalidRequestException(
                    HttpStatus.BAD_REQUEST, "invalid-request", "schema", "send the schema, the flywayHistory, or both");
        }
        RecordSchemaSnapshot command = new RecordSchemaSnapshot(
                db,
                env,
                body.capturedAt(),
                body.trigger() == null ? "MANUAL" : body.trigger(),
                body.schema() == null ? null : body.schema().toSchema(),
                body.flywayHistory() == null
                        ? null
                        : body.flywayHistory().stream()
                                .map(HistoryRowRequest::toRow)
                                .toList());
        Dispatched<SchemaSnapshotObserved> outcome = dispatch.send(command, db, request, caller, null, null);
        SchemaSnapshotObserved observed = outcome.result();
        return LedgerPosition.respond(HttpStatus.CREATED, outcome.position(), SnapshotResponse.of(observed));
    }

    /**
     * @param capturedAt when the database was read
     * @param trigger why: {@code MIGRATE}, {@code REPAIR}, {@code BASELINE} or {@code MANUAL} (the default)
     */
    record SnapshotRequest(
            @NotNull Instant capturedAt,

            @Pattern(regexp = "MIGRATE|REPAIR|BASELINE|MANUAL", message = "must be MIGRATE, REPAIR, BASELINE or MANUAL")
            String trigger,

            @Valid SchemaRequest schema,
            @Size(max = 100_000) List<@NotNull @Valid HistoryRowRequest> flywayHistory) {}

    record SchemaRequest(
            @Size(max = 100) String serverVersion,
            @NotNull @Size(max = 10_000) List<@NotNull @Valid TableRequest> tables,
            @Size(max = 10_000) List<@NotNull @Valid EnumRequest> enums) {

        SchemaSnapshotObserved.Schema toSchema() {
            return new SchemaSnapshotObserved.Schema(
                    serverVersion,
                    tables.stream().map(TableRequest::toTable).toList(),
                    enums == null
                            ? List.of()
                            : enums.stream().map(EnumRequest::toEnum).toList());
        }
    }

    record TableRequest(
            @NotBlank @Size(max = 63) String schema,
            @NotBlank @Size(max = 63) String name,
            @NotNull @Size(max = 1600) List<@NotNull @Valid ColumnRequest> columns,
            @Size(max = 1000) List<@NotNull @Valid IndexRequest> indexes,
            @Size(max = 1000) List<@NotNull @Valid ConstraintRequest> constraints) {

        SchemaSnapshotObserved.Table toTable() {
            return new SchemaSnapshotObserved.Table(
                    schema,
                    name,
                    columns.stream()
                            .map(c -> new SchemaSnapshotObserved.Column(
                                    c.name(), c.type(), c.nullable(), c.defaultValue()))
                            .toList(),
                    indexes == null
                            ? List.of()
                            : indexes.stream()
                                    .map(i -> new SchemaSnapshotObserved.Index(i.name(), i.definition(), i.unique()))
                                    .toList(),
                    constraints == null
                            ? List.of()
                            : constraints.stream()
                                    .map(c -> new SchemaSnapshotObserved.Constraint(c.name(), c.type(), c.definition()))
                                    .toList());
        }
    }

    record ColumnRequest(
            @NotBlank @Size(max = 63) String name,
            @NotBlank @Size(max = 1000) String type,
            boolean nullable,
            @Size(max = 10_000) String defaultValue) {}

    record IndexRequest(
            @NotBlank @Size(max = 63) String name,
            @NotBlank @Size(max = 10_000) String definition,
            boolean unique) {}

    record ConstraintRequest(
            @NotBlank @Size(max = 63) String name,
            @NotBlank @Size(max = 20) String type,
            @NotBlank @Size(max = 10_000) String definition) {}

    record EnumRequest(
            @NotBlank @Size(max = 63) String schema,
            @NotBlank @Size(max = 63) String name,
            @NotNull @Size(max = 10_000) List<@NotNull @Size(max = 63) String> values) {

        SchemaSnapshotObserved.EnumType toEnum() {
            return new SchemaSnapshotObserved.EnumType(schema, name, values);
        }
    }

    record HistoryRowRequest(
            int installedRank,
            @Size(max = 50) String version,
            @Size(max = 200) String description,
            @Size(max = 20) String type,
            @Size(max = 1000) String script,
            Integer checksum,
            @Size(max = 100) String installedBy,
            Instant installedOn,
            @PositiveOrZero Integer executionTimeMs,
            boolean success) {

        SchemaSnapshotObserved.HistoryRow toRow() {
            return new SchemaSnapshotObserved.HistoryRow(
                    installedRank,
                    version,
                    description,
                    type,
                    script,
                    checksum,
                    installedBy,
                    installedOn,
                    executionTimeMs,
                    success,
                    null);
        }
    }

    /**
     * @param schemaVersion the version the ledger had recorded in the environment; null when none
     * @param tables how many tables were observed; null when the schema was not sent
     * @param historyRows how many history rows were observed; null when the history was not sent
     */
    record SnapshotResponse(
            String database,
            String environment,
            Instant capturedAt,
            String trigger,
            String schemaVersion,
            Integer tables,
            Integer historyRows) {

        static SnapshotResponse of(SchemaSnapshotObserved observed) {
            return new SnapshotResponse(
                    observed.database(),
                    observed.environment(),
                    observed.capturedAt(),
                    observed.trigger(),
                    observed.schemaVersion(),
                    observed.schema() == null
                            ? null
                            : observed.schema().tables().size(),
                    observed.flywayHistory() == null
                            ? null
                            : observed.flywayHistory().size());
        }
    }
}
