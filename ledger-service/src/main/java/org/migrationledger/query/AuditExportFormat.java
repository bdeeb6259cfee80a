package org.migrationledger.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;
import org.migrationledger.api.queries.AuditEventView;

/**
 * Writes exported audit events one by one: NDJSON (one JSON object a line) or CSV (RFC 4180, header first, CRLF line
 * ends).
 */
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

    private static final CsvMapper CSV_MAPPER = new CsvMapper();
    private static final CsvSchema CSV_SCHEMA = CsvSchema.builder()
            .addColumns(CSV_COLUMNS, CsvSchema.ColumnType.STRING)
            .setUseHeader(true)
            .setLineSeparator("\r\n")
            .build();

    /**
     * Characters that make a spreadsheet read a cell as a formula. Auditors open exports in spreadsheets, and several
     * columns carry text a pipeline chose (run URLs, reasons inside summaries), so such a cell is written with a
     * leading apostrophe, as OWASP advises against CSV injection; the NDJSON export and the API keep the exact text.
     */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Consumer<AuditEventView> writer;
    private final Flush flush;

    private AuditExportFormat(Consumer<AuditEventView> writer, Flush flush) {
        this.writer = writer;
        this.flush = flush;
    }

    void write(AuditEventView event) {
        writer.accept(event);
    }

    /** Pushes everything written so far to the underlying writer and flushes it. */
    void finish() {
        try {
            flush.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Flush {
        void run() throws IOException;
    }

    static AuditExportFormat ndjson(Writer out, ObjectMapper json) {
        return new AuditExportFormat(
                event -> {
                    try {
                        out.write(json.writeValueAsString(AuditTrailController.AuditEvent.of(event)));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                out::flush);
    }

    static AuditExportFormat csv(Writer out) {
        SequenceWriter rows;
        try {
            // Flushing after every row would defeat the response's buffering on an export of a million events.
            rows = CSV_MAPPER
                    .writer(CSV_SCHEMA)
                    .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                    .writeValues(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AuditExportFormat(
                event -> {
                    try {
                        rows.write(row(event));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                rows::flush);
    }

    private static List<String> row(AuditEventView event) {
        return List.of(
                Long.toString(event.position()),
                event.recordedAt().toString(),
                text(event.database()),
                text(event.type()),
                text(event.migrationId()),
                text(event.environment()),
                text(event.principal()),
                text(event.sourceTool()),
                text(event.sourceRunUrl()),
                text(event.correlationId()),
                text(event.eventId()),
                Long.toString(event.sequenceNumber()),
                text(event.summary()),
                text(event.payloadJson()));
    }

    static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
