package org.migrationledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.queries.AuditEventView;
import org.migrationledger.chain.ExportedEntry;

/** The CSV export reads back as the events it was written from, and no cell is a spreadsheet formula. */
class AuditExportFormatTest {

    private static final String FORMULA = "=HYPERLINK(\"https://evil.example\",\"open\")";
    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String HASH = "ab".repeat(32);
    private static final String PREVIOUS = "cd".repeat(32);
    private static final ExportedEntry CHAIN = new ExportedEntry(
            42, "e", "shop", 7L, "SchemaLedger", "t", "p", "1", "e30=", null, "e", 41L, PREVIOUS, HASH, HASH, HASH);
    private static final AuditExportFormat.Header HEADER = new AuditExportFormat.Header(
            new AuditExportFormat.Export(AuditExportFormat.FORMAT, false, null),
            new AuditProofController.Digest(42L, HASH, "t1", "t2", "Ed25519", "k", "c2ln"),
            "pem");

    @Test
    void quotedCellsReadBackExactly() throws IOException {
        AuditEventView event = event("applied 0001_a in ci, \"finally\"\nsecond line", "https://ci/run/1");

        List<List<String>> rows = written(event);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo(AuditExportFormat.CSV_COLUMNS);
        assertThat(rows.get(1).get(12)).isEqualTo("applied 0001_a in ci, \"finally\"\nsecond line");
        assertThat(rows.get(1).get(13)).isEqualTo("{\"migrationId\":\"0001_a\",\"note\":\"a, b\"}");
        assertThat(rows.get(1).get(0)).isEqualTo("42");
        assertThat(rows.get(1).subList(14, 17)).containsExactly("41", PREVIOUS, HASH);
    }

    @Test
    void cellsThatWouldBeFormulasAreDefused() throws IOException {
        List<String> row = written(event("-1+1", FORMULA)).get(1);

        assertThat(row.get(8)).isEqualTo("'" + FORMULA);
        assertThat(row.get(12)).isEqualTo("'-1+1");
        assertThat(row.get(6)).isEqualTo("'@alice");
    }

    @Test
    void linesEndWithCrLfAndTheDigestComesLastAsAComment() {
        StringWriter out = new StringWriter();
        AuditExportFormat export = AuditExportFormat.csv(out, JSON);
        export.write(event("plain", "https://ci/run/1"), CHAIN);
        export.finish(HEADER);

        String[] lines = out.toString().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(PREVIOUS).endsWith(HASH + "\"");
        assertThat(lines[2])
                .startsWith("# {\"export\":{\"format\":\"migration-ledger/audit-export/v1\"")
                .contains("\"signature\":\"c2ln\"");
        assertThat(out.toString()).endsWith("\r\n");
    }

    @Test
    void ndjsonStartsWithTheDigestAndCarriesEachEventsStoredBytes() throws IOException {
        StringWriter out = new StringWriter();
        AuditExportFormat export = AuditExportFormat.ndjson(out, JSON);
        export.begin(HEADER);
        export.write(event("plain", "https://ci/run/1"), CHAIN);
        export.write(null, CHAIN);
        export.finish(HEADER);

        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines[0]).at("/digest/hash").asText()).isEqualTo(HASH);
        assertThat(JSON.readTree(lines[1]).at("/chain/payload").asText()).isEqualTo("e30=");
        assertThat(JSON.readTree(lines[1]).at("/summary").asText()).isEqualTo("plain");
        assertThat(JSON.readTree(lines[2]).at("/chain/hash").asText()).isEqualTo(HASH);
        assertThat(JSON.readTree(lines[2]).has("summary")).isFalse();
    }

    private static List<List<String>> written(AuditEventView event) throws IOException {
        StringWriter out = new StringWriter();
        AuditExportFormat export = AuditExportFormat.csv(out, JSON);
        export.write(event, CHAIN);
        export.finish(HEADER);
        CsvMapper mapper =
                new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.ALLOW_COMMENTS);
        try (MappingIterator<List<String>> rows =
                mapper.readerForListOf(String.class).readValues(out.toString())) {
            return rows.readAll();
        }
    }

    private static AuditEventView event(String summary, String runUrl) {
        return new AuditEventView(
                42,
                "5f0c7a9e-1b7c-4c1e-9d6e-2f1d3c4b5a69",
                "MigrationApplied",
                "shop",
                7,
                "0001_a",
                "ci",
                "@alice",
                "flyway",
                runUrl,
                "corr-1",
                Instant.parse("2026-03-01T09:00:00Z"),
                summary,
                "{\"migrationId\":\"0001_a\",\"note\":\"a, b\"}");
    }
}
