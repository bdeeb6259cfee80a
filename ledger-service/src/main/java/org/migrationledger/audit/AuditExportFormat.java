package org.migrationledger.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;
import org.migrationledger.api.queries.AuditEventView;

/** Writes exported audit events one by one: NDJSON (one JSON object a line) or CSV (RFC 4180, header first). */
final class AuditExportFormat {

    static final List<String> CSV_COLUMNS = List.of(
            "position",
            "recordedAt",
            "database",
            "type",
            "migrationId",
            "environment",
            "principal",
            "sourceTool",
            "sourceRunUrl",
            "correlationId",
            "eventId",
            "sequenceNumber",
            "summary",
            "payload");

    private final Consumer<AuditEventView> writer;

    private AuditExportFormat(Consumer<AuditEventView> writer) {
        this.writer = writer;
    }

    void write(AuditEventView event) {
        writer.accept(event);
    }

    static AuditExportFormat ndjson(Writer out, ObjectMapper json) {
        return new AuditExportFormat(event -> {
            try {
                out.write(json.writeValueAsString(AuditTrailController.AuditEvent.of(event)));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static AuditExportFormat csv(Writer out) {
        line(out, CSV_COLUMNS);
        return new AuditExportFormat(event -> line(
                out,
                List.of(
                        Long.toString(event.position()),
                        event.recordedAt().toString(),
                        event.database(),
                        event.type(),
                        nullable(event.migrationId()),
                        nullable(event.environment()),
                        nullable(event.principal()),
                        nullable(event.sourceTool()),
                        nullable(event.sourceRunUrl()),
                        nullable(event.correlationId()),
                        event.eventId(),
                        Long.toString(event.sequenceNumber()),
                        event.summary(),
                        event.payloadJson())));
    }

    private static void line(Writer out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quote(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String cell) {
        boolean needsQuotes = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }
}
