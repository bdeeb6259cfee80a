package org.migrationledger.query;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryGateway;
import org.migrationledger.api.queries.AuditEventView;
import org.migrationledger.api.queries.AuditFilter;
import org.migrationledger.api.queries.AuditPageView;
import org.migrationledger.api.queries.FindAuditEvents;
import org.migrationledger.api.queries.FindAuditEventsBetween;
import org.migrationledger.chain.ChainEntry;
import org.migrationledger.chain.ExportedEntry;
import org.migrationledger.evidence.ChainSettings;
import org.migrationledger.evidence.ChainStore;
import org.migrationledger.evidence.Digests;
import org.migrationledger.security.SigningKey;
import org.migrationledger.web.InvalidRequestException;
import org.migrationledger.web.ReadYourWrites;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail: a JSON page by default; the whole filtered trail as NDJSON or CSV when the client accepts one of
 * them, in position order with each event's hash-chain entry and the signed digest it ends at, written row by row.
 */
@RestController
@Tag(name = "Audit")
class AuditTrailController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final int DEFAULT_PAGE_SIZE = 100;

    private final QueryGateway queries;
    private final ReadYourWrites reads;
    private final ObjectMapper json;
    private final ChainStore chain;
    private final ChainSettings chainSettings;
    private final Digests digests;
    private final SigningKey key;

    AuditTrailController(
            QueryGateway queries,
            ReadYourWrites reads,
            ObjectMapper json,
            ChainStore chain,
            ChainSettings chainSettings,
            Digests digests,
            SigningKey key) {
        this.queries = queries;
        this.reads = reads;
        this.json = json;
        this.chain = chain;
        this.chainSettings = chainSettings;
        this.digests = digests;
        this.key = key;
    }

    /**
     * Writes straight to the response while the keyset walk reads, on the request thread: an async dispatch (as with
     * {@code StreamingResponseBody}) would run the stateless bearer-token chain again without the caller.
     */
    @Operation(
            summary = "Read or export the audit trail",
            description =
                    "Every recorded event, filtered by database, migration, environment, actor and time range. JSON pages by default (follow nextCursor with after); the whole filtered trail as NDJSON or CSV with format=ndjson|csv or Accept: application/x-ndjson|text/csv. format wins over Accept; an unknown format is a 400.")
    @ApiResponse(
            responseCode = "200",
            description = "A JSON page, or the whole filtered trail as NDJSON (one event a line) or CSV (header first)",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = AuditPage.class)),
                @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = AuditEvent.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @GetMapping("/api/v1/audit/events")
    void events(
            @RequestParam(required = false) String database,
            @RequestParam(required = false) String migration,
            @RequestParam(required = false) String environment,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String minPosition,
            @Parameter(description = "json (the default), ndjson or csv; wins over Accept")
                    @RequestParam(required = false)
                    String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response)
            throws IOException {
        AuditFilter filter = new AuditFilter(
                database,
                migration,
                environment,
                actor,
                ReadYourWrites.instant("from", from),
                ReadYourWrites.instant("to", to));
        long position = ReadYourWrites.position(minPosition);
        MediaType type = format == null ? negotiated(accept) : named(format);
        int size = pageSize(limit);
        boolean fresh = reads.await("audit-trail", position);
        if (position >= 0) {
            response.setHeader(ReadYourWrites.STALE_HEADER, Boolean.toString(!fresh));
        }
        if (type.equals(MediaType.APPLICATION_JSON)) {
            AuditPage page = AuditPage.of(page(filter, after, size));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), page);
            return;
        }
        String extension = type.equals(CSV) ? "csv" : "ndjson";
        response.setContentType(type + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events." + extension + "\"");
        Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        AuditExportFormat export =
                type.equals(CSV) ? AuditExportFormat.csv(writer, json) : AuditExportFormat.ndjson(writer, json);
        AuditExportFormat.Header header = header(filter, position);
        export.begin(header);
        export(filter, header, export);
        export.finish(header);
    }

    /**
     * The digest an export ends at, taken first so that the export is exactly the chain up to it; with
     * {@code minPosition}, once the chain has linked that write (bounded).
     */
    private AuditExportFormat.Header header(AuditFilter filter, long position) {
        if (position >= 0) {
            chain.awaitLinked(position, chainSettings.awaitTimeout());
        }
        boolean partial = !filter.equals(AuditFilter.none());
        return new AuditExportFormat.Header(
                new AuditExportFormat.Export(AuditExportFormat.FORMAT, partial, partial ? filter : null),
                AuditProofController.Digest.of(digests.current()),
                key.publicKeyPem());
    }

    /**
     * Walks the hash chain up to the digest a range of positions at a time, taking each event's audit view from the
     * read model: nothing is held in memory and no transaction stays open. A filtered export holds the events the
     * filter selects; an unfiltered one every stored or linked position, shown or not by the audit trail.
     */
    private void export(AuditFilter filter, AuditExportFormat.Header header, AuditExportFormat export) {
        boolean partial = header.export().partial();
        long through = header.digest().position();
        for (long after = 0; after < through; after += FindAuditEvents.MAX_PAGE_SIZE) {
            long last = Math.min(after + FindAuditEvents.MAX_PAGE_SIZE, through);
            Map<Long, AuditEventView> views = queries
                    .query(new FindAuditEventsBetween(filter, after, last), AuditPageView.class)
                    .join()
                    .events()
                    .stream()
                    .collect(Collectors.toMap(AuditEventView::position, view -> view));
            for (ChainEntry entry : chain.entries(after, last)) {
                AuditEventView view = views.get(entry.position());
                if (view != null || !partial) {
                    export.write(view, ExportedEntry.of(entry));
                }
            }
        }
    }

    private static int pageSize(Integer limit) {
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > FindAuditEvents.MAX_PAGE_SIZE) {
            throw new InvalidRequestException(
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    "limit",
                    "limit must be between 1 and " + FindAuditEvents.MAX_PAGE_SIZE);
        }
        return size;
    }

    private AuditPageView page(AuditFilter filter, String after, int size) {
        try {
            return queries.query(new FindAuditEvents(filter, after, size), AuditPageView.class)
                    .join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof IllegalArgumentException)) {
                throw e;
            }
            throw new InvalidRequestException(
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    "after",
                    "after must be the nextCursor of a previous page");
        }
    }

    /** {@code ?format=} names the format where a browser or a spreadsheet's import cannot set Accept. */
    private static MediaType named(String format) {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> MediaType.APPLICATION_JSON;
            case "ndjson" -> NDJSON;
            case "csv" -> CSV;
            default ->
                throw new InvalidRequestException(
                        HttpStatus.BAD_REQUEST, "invalid-request", "format", "format must be json, ndjson or csv");
        };
    }

    private static MediaType negotiated(String accept) {
        if (accept != null) {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.isCompatibleWith(NDJSON) && !type.isWildcardType()) {
                    return NDJSON;
                }
                if (type.isCompatibleWith(CSV) && !type.isWildcardType()) {
                    return CSV;
                }
            }
        }
        return MediaType.APPLICATION_JSON;
    }

    record AuditPage(List<AuditEvent> events, String nextCursor) {

        static AuditPage of(AuditPageView page) {
            return new AuditPage(page.events().stream().map(AuditEvent::of).toList(), page.nextCursor());
        }
    }

    /** One event as the API shows it; the payload is the event's JSON, embedded as is. */
    record AuditEvent(
            long position,
            String eventId,
            String type,
            String database,
            long sequenceNumber,
            String migrationId,
            String environment,
            String principal,
            String sourceTool,
            String sourceRunUrl,
            String correlationId,
            Instant recordedAt,
            String summary,
            @JsonRawValue String payload) {

        static AuditEvent of(AuditEventView view) {
            return new AuditEvent(
                    view.position(),
                    view.eventId(),
                    view.type(),
                    view.database(),
                    view.sequenceNumber(),
                    view.migrationId(),
                    view.environment(),
                    view.principal(),
                    view.sourceTool(),
                    view.sourceRunUrl(),
                    view.correlationId(),
                    view.recordedAt(),
                    view.summary(),
                    view.payloadJson());
        }
    }
}
