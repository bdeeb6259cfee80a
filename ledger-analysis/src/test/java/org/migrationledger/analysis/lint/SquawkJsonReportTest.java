package org.migrationledger.analysis.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SquawkJsonReportTest {

    @Test
    void readsSquawkTwoOutputAndIgnoresUnknownFields() {
        LinterReport report = SquawkJsonReport.parse(resource("squawk-2.json"));

        assertThat(report.tool()).isEqualTo("squawk");
        assertThat(report.findings())
                .containsExactly(
                        new LinterFinding(
                                "adding-required-field",
                                "warning",
                                "Adding a new column that is `NOT NULL` and has no default value to an existing table"
                                        + " effectively makes it required.",
                                2,
                                "Make the field nullable or add a non-VOLATILE DEFAULT"),
                        new LinterFinding(
                                "require-concurrent-index-creation",
                                "error",
                                "Creating an index blocks writes.",
                                4,
                                null));
    }

    @Test
    void readsTheNoteAndHelpMessagesOfSquawkOne() {
        LinterReport report = SquawkJsonReport.parse(resource("squawk-1.json"));

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("ban-drop-column");
            assertThat(finding.message()).isEqualTo("Dropping a column may break existing clients.");
            assertThat(finding.help()).startsWith("Update your application code");
        });
    }

    @Test
    void aCleanRunIsAnEmptyReport() {
        assertThat(SquawkJsonReport.parse("[]\n").findings()).isEmpty();
        assertThat(SquawkJsonReport.parse("").findings()).isEmpty();
    }

    @Test
    void refusesTextThatIsNotSquawkJson() {
        assertThatThrownBy(() -> SquawkJsonReport.parse("Found 2 issues in 1 file"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not squawk JSON");
        assertThatThrownBy(() -> SquawkJsonReport.parse("{\"violations\": []}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("array");
    }

    private static String resource(String name) {
        try (InputStream in = SquawkJsonReportTest.class.getResourceAsStream("/lint/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
