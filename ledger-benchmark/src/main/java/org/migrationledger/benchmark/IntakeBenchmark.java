package org.migrationledger.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Intake over HTTP beside the raw single-row commit rate, in interleaved rounds so that both see the same machine:
 * each round runs every raw and service figure once, and the table reports the medians.
 */
final class IntakeBenchmark {

    private static final int MANY = 16;

    private final Preset preset;
    private final RawPostgres raw;
    private final Pipeline pipeline;
    private final ReadModels readModels;

    IntakeBenchmark(Preset preset, RawPostgres raw, Pipeline pipeline, ReadModels readModels) {
        this.preset = preset;
        this.raw = raw;
        this.pipeline = pipeline;
        this.readModels = readModels;
    }

    /** @param profile where to record a JFR profile of the service during the rounds; null for none */
    void run(Report report, LedgerProcess service, Path profile) throws Exception {
        List<String> intake = IntStream.rangeClosed(1, preset.intakeDatabases())
                .mapToObj("intake%03d"::formatted)
                .toList();
        ApplyWorkload spread = ApplyWorkload.provision(pipeline, intake, preset.intakeMigrations(), MANY);
        ApplyWorkload single =
                ApplyWorkload.provision(pipeline, List.of("intakeone"), preset.intakeMigrations() * 5, 1);
        readModels.awaitCaughtUp(Duration.ofMinutes(5));
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        if (profile != null) {
            service.startRecording(profile);
        }
        for (int round = 1; round <= preset.rounds(); round++) {
            System.out.printf("intake round %d of %d%n", round, preset.rounds());
            measure(figures, "raw1", () -> raw.appendRate(1, preset.phaseSeconds()));
            measure(figures, "apply1", () -> rate(spread.clients(1, false), 1));
            measure(figures, "idem1", () -> rate(spread.clients(1, true), 1));
            measure(figures, "raw16", () -> raw.appendRate(MANY, preset.phaseSeconds()));
            measure(figures, "apply16", () -> rate(spread.clients(MANY, false), MANY));
            measure(figures, "one16", () -> rate(single.clients(MANY, false), MANY));
            measure(figures, "idem16", () -> rate(spread.clients(MANY, true), MANY));
        }
        if (profile != null) {
            service.stopRecording();
            report.note("JFR profile of the service during the intake rounds: " + profile);
        }
        double raw1 = Latencies.median(figures.get("raw1"));
        double raw16 = Latencies.median(figures.get("raw16"));
        report.rate("raw: durable single-row INSERT commits/s, 1 client", raw1, raw1);
        report.rate("raw: durable single-row INSERT commits/s, 16 clients", raw16, raw16);
        rate(report, figures, "applies/s over HTTP, 1 client, many databases", "apply1", "raw1");
        rate(report, figures, "applies/s, 16 clients, many databases", "apply16", "raw16");
        rate(report, figures, "applies/s, 16 clients on one database", "one16", "raw16");
        rate(report, figures, "applies/s with Idempotency-Key, 1 client", "idem1", "raw1");
        rate(report, figures, "applies/s with Idempotency-Key, 16 clients", "idem16", "raw16");
        long lag = readModels.totalLag();
        double catchUp = readModels.awaitCaughtUp(Duration.ofMinutes(10));
        report.figure("read-model lag at the end of intake (events, all read models)", Long.toString(lag));
        report.figure("time for every read model to catch up after intake (s)", Report.number(catchUp));
        report.note(("Intake figures are medians of %d interleaved rounds of %.0f s each; their ratios are medians of"
                        + " each round's ratio (all rounds: %s).")
                .formatted(preset.rounds(), preset.phaseSeconds(), rounded(figures)));
        report.note("Share of applies that recorded a migration in an environment for the first time: %s (the rest"
                        .formatted(Report.percent(Math.min(spread.firstTimeShare(), single.firstTimeShare())))
                + " repeat an apply, still a recorded fact).");
    }

    /**
     * The median rate beside the median baseline; the ratio is the median of the rounds' own ratios, because the
     * machine's commit rate swings between rounds and each round's figures share its conditions.
     */
    private static void rate(
            Report report, Map<String, List<Double>> figures, String figure, String name, String baseline) {
        List<Double> values = figures.get(name);
        List<Double> baselines = figures.get(baseline);
        List<Double> ratios = IntStream.range(0, values.size())
                .mapToObj(round -> values.get(round) / baselines.get(round))
                .toList();
        report.rate(figure, Latencies.median(values), Latencies.median(baselines), Latencies.median(ratios));
    }

    private double rate(Load.Clients clients, int count) throws Exception {
        return Load.run(count, preset.phaseSeconds(), clients);
    }

    private interface Measurement {
        double measure() throws Exception;
    }

    private static void measure(Map<String, List<Double>> figures, String name, Measurement measurement)
            throws Exception {
        double value = measurement.measure();
        System.out.printf("  %-8s %10.1f/s%n", name, value);
        figures.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }

    private static String rounded(Map<String, List<Double>> figures) {
        StringBuilder out = new StringBuilder();
        figures.forEach((name, values) -> out.append(name)
                .append(' ')
                .append(values.stream().map(Report::number).toList())
                .append("; "));
        return out.toString().replaceAll("; $", "");
    }
}
