package org.migrationledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.queries.AuditEventView;

/** The CSV export reads back as the events it was written from, and no cell is a spreadsheet formula. */
class AuditExportFormatTest {

    private static final String FORMULA = "=HYPERLINK(\"https://evil.example\",\"open\")";

    @Test
    void quotedCellsReadBackExactly() throws IOException {
        AuditEventView event = event("applied 0001_a in ci, \"finally\"\nsecond line", "https://ci/run/1");

        List<List<String>> rows = written(event);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo(AuditExportFormat.CSV_COLUMNS);
        assertThat(rows.get(1).get(12)).isEqualTo("applied 0001_a in ci, \"finally\"\nsecond line");
        assertThat(rows.get(1).get(13)).isEqualTo("{\"migrationId\":\"0001_a\",\"note\":\"a, b\"}");
        assertThat(rows.get(1).get(0)).isEqualTo("42");
    }

    @Test
    void cellsThatWouldBeFormulasAreDefused() throws IOException {
        List<String> row = written(event("-1+1", FORMULA)).get(1);

        assertThat(row.get(8)).isEqualTo("'" + FORMULA);
        assertThat(row.get(12)).isEqualTo("'-1+1");
        assertThat(row.get(6)).isEqualTo("'@alice");
    }

    @Test
    void linesEndWithCrLf() {
        StringWriter out = new StringWriter();
        AuditExportFormat export = AuditExportFormat.csv(out);
        export.write(event("plain", "https://ci/run/1"));
        export.finish();

        assertThat(out.toString().split("\r\n")).hasSize(2);
        assertThat(out.toString()).endsWith("\r\n");
    }

    private static List<List<String>> written(AuditEventView event) throws IOException {
        StringWriter out = new StringWriter();
        AuditExportFormat export = AuditExportFormat.csv(out);
        export.write(event);
        export.finish();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
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
