package org.migrationledger.query;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.migrationledger.api.queries.DatabasePageView;
import org.migrationledger.api.queries.DatabaseSummaryView;
import org.migrationledger.api.queries.FindDatabases;
import org.migrationledger.api.queries.GetDatabase;
import org.migrationledger.api.queries.GetMigrationScripts;
import org.migrationledger.api.queries.GetStatusGrid;
import org.migrationledger.api.queries.MigrationScriptsView;
import org.migrationledger.api.queries.StatusGridView;
import org.migrationledger.web.InvalidRequestException;
import org.migrationledger.web.LedgerName;
import org.migrationledger.web.MigrationIdParameter;
import org.migrationledger.web.ReadYourWrites;
import org.migrationledger.web.Unknown;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The fleet at a glance: every database with its path, current versions, open drift and awaited approvals. */
@RestController
class FleetController {

    private static final String READ_MODEL = "fleet";
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final Pattern NAME_PART = Pattern.compile("^[a-z0-9_-]{1,63}$");

    private final ReadYourWrites reads;
    private final OpenDriftCounts drift;

    FleetController(ReadYourWrites reads, OpenDriftCounts drift) {
        this.reads = reads;
        this.drift = drift;
    }

    @Operation(
            summary = "List the fleet",
            description =
                    "One page of databases (filter name=) with each one's promotion path, current version per environment, open drift by severity and migrations waiting for approval.")
    @GetMapping("/api/v1/databases")
    ResponseEntity<FleetPage> databases(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String minPosition) {
        FindDatabases query = new FindDatabases(nameFilter(name), offset(offset), pageSize(limit));
        long position = ReadYourWrites.position(minPosition);
        boolean fresh = reads.await(READ_MODEL, position);
        DatabasePageView page = reads.query(query, DatabasePageView.class);
        Map<String, Map<String, Long>> counts = drift.of(
                page.databases().stream().map(DatabaseSummaryView::database).toList());
        List<FleetEntry> entries = page.databases().stream()
                .map(summary -> entry(summary, counts.get(summary.database())))
                .toList();
        return ReadYourWrites.withStaleness(
                ResponseEntity.ok(),
                position,
                fresh,
                new FleetPage(entries, page.total(), page.offset(), page.limit()));
    }

    @Operation(
            summary = "Read one database",
            description =
                    "The database's promotion path, current version per environment, open drift by severity and migrations waiting for approval.")
    @GetMapping("/api/v1/databases/{db}")
    ResponseEntity<FleetEntry> database(
            @PathVariable @LedgerName String db, @RequestParam(required = false) String minPosition) {
        ResponseEntity<DatabaseSummaryView> answer = reads.answer(
                READ_MODEL, minPosition, new GetDatabase(db), DatabaseSummaryView.class, Unknown.database(db));
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .body(entry(answer.getBody(), drift.of(List.of(db)).get(db)));
    }

    /**
     * The migrations × environments grid alone: the compatibility answer carries every pair of versions as well, too
     * much to poll for a database with hundreds of migrations.
     */
    @Operation(
            summary = "Read the status grid",
            description = "The migrations × environments status grid the dashboard draws, from the fleet read model.")
    @GetMapping("/api/v1/databases/{db}/grid")
    ResponseEntity<StatusGridView> grid(
            @PathVariable @LedgerName String db, @RequestParam(required = false) String minPosition) {
        return reads.answer(READ_MODEL, minPosition, new GetStatusGrid(db), StatusGridView.class, Unknown.database(db));
    }

    /** The scripts the dashboard's migration page shows; the migration detail stays free of whole SQL files. */
    @Operation(
            summary = "Read a migration's scripts",
            description = "The migration's script and down script as proposed or last revised.")
    @GetMapping("/api/v1/databases/{db}/migrations/{id}/scripts")
    ResponseEntity<MigrationScriptsView> scripts(
            @PathVariable @LedgerName String db,
            @PathVariable String id,
            @RequestParam(required = false) String minPosition) {
        return reads.answer(
                READ_MODEL,
                minPosition,
                new GetMigrationScripts(db, MigrationIdParameter.fromRequest(id, "id")),
                MigrationScriptsView.class,
                Unknown.migration(db, id));
    }

    private static FleetEntry entry(DatabaseSummaryView summary, Map<String, Long> openDrift) {
        return new FleetEntry(summary.database(), summary.environments(), openDrift, summary.awaitingApproval());
    }

    private static String nameFilter(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (!NAME_PART.matcher(name.strip()).matches()) {
            throw invalid(
                    "name", "name must be part of a database name (1 to 63 of a-z, 0-9, _ and -), not '" + name + "'");
        }
        return name.strip();
    }

    private static int offset(Integer offset) {
        if (offset != null && offset < 0) {
            throw invalid("offset", "offset must be zero or more, not " + offset);
        }
        return offset == null ? 0 : offset;
    }

    private static int pageSize(Integer limit) {
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > FindDatabases.MAX_PAGE_SIZE) {
            throw invalid("limit", "limit must be between 1 and " + FindDatabases.MAX_PAGE_SIZE + ", not " + size);
        }
        return size;
    }

    private static InvalidRequestException invalid(String field, String detail) {
        return new InvalidRequestException(HttpStatus.BAD_REQUEST, "invalid-request", field, detail);
    }
}
