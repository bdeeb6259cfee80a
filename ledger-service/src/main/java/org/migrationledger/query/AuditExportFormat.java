package org.migrationledger.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.migrationledger.api.queries.AuditEventView;
import org.migrationledger.chain.ExportedEntry;

/**
 * Writes exported audit events one by one, each with its hash-chain entry, and the signed digest the export ends
 * at (docs/security.md, "Exports"): NDJSON puts the digest in a first header line and each event's stored bytes and
 * hashes in its {@code chain} object, so that {@code ledger verify} checks the file alone; CSV (RFC 4180, header
 * first, CRLF line ends) carries each row's previous position, previous hash and hash, and the digest as a last
 * line starting with {@code #}.
 */
abstract class AuditExportFormat {

    static final String FORMAT = "migration-ledger/audit-export/v1";

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
            "payload",
            "previousPosition",
            "previousHash",
            "hash");

    /**
     * Characters that make a spreadsheet read a cell as a formula. Auditors open exports in spreadsheets, and several
     * columns carry text a pipeline chose (run URLs, reasons inside summaries), so such a cell is written with a
     * leading apostrophe, as OWASP advises against CSV injection; the NDJSON export and the API keep the exact text.
     */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** What the export proves: its format, whether a filter left events out, the digest and the signing key. */
    record Header(Export export, AuditProofController.Digest digest, String publicKey) {}

    record Export(String format, boolean partial, Object filter) {}

    abstract void begin(Header header);

    /** One event; {@code view} is null for a stored event the audit trail does not show. */
    abstract void write(AuditEventView view, ExportedEntry chain);

    /** Ends the export and flushes it. */
    abstract void finish(Header header);

    static AuditExportFormat ndjson(Writer out, ObjectMapper json) {
        return new AuditExportFormat() {
            @Override
            void begin(Header header) {
                line(json.valueToTree(header));
            }

            @Override
            void write(AuditEventView view, ExportedEntry chain) {
                ObjectNode line = view == null
                        ? json.createObjectNode().put("position", chain.position())
                        : json.valueToTree(AuditTrailController.AuditEvent.of(view));
                line.set("chain", json.valueToTree(chain));
                line(line);
            }

            @Override
            void finish(Header header) {
                flush(out);
            }

            private void line(ObjectNode node) {
                try {
                    out.write(json.writeValueAsString(node));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    static AuditExportFormat csv(Writer out, ObjectMapper json) {
        CsvSchema schema = CsvSchema.builder()
                .addColumns(CSV_COLUMNS, CsvSchema.ColumnType.STRING)
                .setUseHeader(true)
                .setLineSeparator("\r\n")
                .build();
        SequenceWriter rows;
        try {
            // Flushing after every row would defeat the response's buffering on an export of a million events.
            rows = new CsvMapper()
                    .writer(schema)
                    .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                    .writeValues(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AuditExportFormat() {
            @Override
            void begin(Header header) {}

            @Override
            void write(AuditEventView view, ExportedEntry chain) {
                try {
                    rows.write(row(view, chain));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            void finish(Header header) {
                try {
                    rows.flush();
                    out.write("# " + json.writeValueAsString(header) + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                flush(out);
            }
        };
    }

    private static void flush(Writer out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> row(AuditEventView event, ExportedEntry chain) {
        List<String> row = new ArrayList<>(CSV_COLUMNS.size());
        row.add(Long.toString(chain.position()));
        if (event == null) {
            row.addAll(java.util.Collections.nCopies(13, ""));
        } else {
            row.addAll(List.of(
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
                    text(event.payloadJson())));
        }
        row.add(chain.previousPosition() == null ? "" : chain.previousPosition().toString());
        row.add(text(chain.previousHash()));
        row.add(text(chain.hash()));
        return row;
    }

    static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
