package org.migrationledger.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's one table — figure, raw PostgreSQL baseline of the same run, ratio — printed and written into
 * {@code docs/benchmarks.md} between markers of the run's configuration, so hand-written analysis around it stays.
 */
final class Report {

    /** One line of the table; {@code baseline} and {@code ratio} are empty where there is no raw counterpart. */
    record Row(String figure, String value, String baseline, String ratio) {}

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Path partialFile;
    private String partialConfiguration;
    private String partialHeader;

    /**
     * Writes the table so far into the file after every figure and note, marked unfinished: a long run stopped
     * half-way still leaves what it measured.
     */
    void writeAsItGoes(Path file, String configuration, String header) {
        this.partialFile = file;
        this.partialConfiguration = configuration;
        this.partialHeader = header;
    }

    /** Notes the load average now, after the stage named: the machine is shared, and its load bounds the figures. */
    void loadAverage(String after) {
        note("Load average after " + after + ": " + Machine.loadAverage());
    }

    void rate(String figure, double value, double baseline) {
        rate(figure, value, baseline, value / baseline);
    }

    void rate(String figure, double value, double baseline, double ratio) {
        rows.add(new Row(figure, number(value), number(baseline), percent(ratio)));
        print(rows.get(rows.size() - 1));
        checkpoint();
    }

    void figure(String figure, String value) {
        rows.add(new Row(figure, value, "", ""));
        print(rows.get(rows.size() - 1));
        checkpoint();
    }

    void note(String note) {
        notes.add(note);
        System.out.println("  note: " + note);
        checkpoint();
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    String markdown(String header) {
        StringBuilder out =
                new StringBuilder(header).append("\n| figure | ledger | raw PostgreSQL, same run | ratio |\n");
        out.append("|---|---|---|---|\n");
        rows.forEach(row -> out.append(
                "| %s | %s | %s | %s |%n".formatted(row.figure(), row.value(), row.baseline(), row.ratio())));
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    /** Replaces the section of this configuration in {@code file} (or appends it), leaving the rest as it is. */
    void write(Path file, String configuration, String header) throws IOException {
        String begin = "<!-- benchmark:" + configuration + ":begin -->";
        String end = "<!-- benchmark:" + configuration + ":end -->";
        String section = begin + "\n" + markdown(header) + end;
        String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int from = existing.indexOf(begin);
        int to = existing.indexOf(end);
        String updated = from >= 0 && to > from
                ? existing.substring(0, from) + section + existing.substring(to + end.length())
                : existing.stripTrailing() + "\n\n" + section + "\n";
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    private void checkpoint() {
        if (partialFile == null) {
            return;
        }
        try {
            write(partialFile, partialConfiguration, partialHeader + "- **Unfinished**: the run was still going.\n");
        } catch (IOException e) {
            System.out.println("  (could not write the table so far: " + e.getMessage() + ")");
        }
    }

    private static void print(Row row) {
        System.out.printf("%-70s %12s %12s %9s%n", row.figure(), row.value(), row.baseline(), row.ratio());
    }
}
