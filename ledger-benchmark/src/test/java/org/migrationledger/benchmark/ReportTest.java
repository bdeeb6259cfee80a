package org.migrationledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path directory;

    @Test
    void replacesItsOwnSectionAndKeepsWhatIsWrittenAroundIt() throws Exception {
        Path file = directory.resolve("benchmarks.md");
        Files.writeString(file, """
                # Benchmarks
                Analysis written by hand.
                <!-- benchmark:quick:begin -->
                old table
                <!-- benchmark:quick:end -->
                After the table.
                """);
        Report report = new Report();
        report.rate("applies/s", 50, 200);

        report.write(file, "quick", "## quick run");

        String written = Files.readString(file);
        assertThat(written).contains("Analysis written by hand.").contains("After the table.");
        assertThat(written).doesNotContain("old table");
        assertThat(written).contains("| applies/s | 50.0 | 200 | 25.0 % |");
    }

    @Test
    void appendsASectionItHasNotWrittenBefore() throws Exception {
        Path file = directory.resolve("benchmarks.md");
        Files.writeString(file, "# Benchmarks\n");

        Report report = new Report();
        report.figure("start-up (s)", "4.2");
        report.write(file, "full", "## full run");

        assertThat(Files.readString(file))
                .startsWith("# Benchmarks")
                .contains("<!-- benchmark:full:begin -->\n## full run")
                .contains("| start-up (s) | 4.2 |  |  |")
                .endsWith("<!-- benchmark:full:end -->\n");
    }

    @Test
    void percentilesAreNearestRank() {
        double[] samples = {5, 1, 4, 2, 3, 100, 6, 7, 8, 9};

        assertThat(Latencies.percentile(samples, 50)).isEqualTo(5);
        assertThat(Latencies.percentile(samples, 99)).isEqualTo(100);
        assertThat(Latencies.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    }
}
