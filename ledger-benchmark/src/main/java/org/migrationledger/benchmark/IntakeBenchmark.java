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

    /**
     * @param profile where to record a JFR profile of the service during the rounds; null for none
     * @param unchained a service on a store of its own that never links its events into the hash chain, measured in the
     *     same rounds at 1 and 16 clients
     */
    void run(Report report, LedgerProcess service, Path profile, Pipeline unchainedPipeline, LedgerProcess unchained)
            throws Exception {
        List<String> intake = IntStream.rangeClosed(1, preset.intakeDatabases())
                .mapToObj("intake%03d"::formatted)
                .toList();
        ApplyWorkload spread = ApplyWorkload.provision(pipeline, intake, preset.intakeMigrations(), MANY);
        ApplyWorkload single =
                ApplyWorkload.provision(pipeline, List.of("intakeone"), preset.intakeMigrations() * 5, 1);
        ApplyWorkload offChain = ApplyWorkload.provision(unchainedPipeline, intake, preset.intakeMigrations(), MANY);
        readModels.awaitCaughtUp(Duration.ofMinutes(5));
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        if (profile != null) {
            service.startRecording(profile);
        }
        for (int round = 1; round <= preset.rounds(); round++) {
            System.out.printf("intake round %d of %d%n", round, preset.rounds());
            measure(figures, "raw1", () -> raw.appendRate(1, preset.phaseSeconds()));
            measure(figures, "apply1", () -> rate(figures, "apply1", service, spread.clients(1, false), 1));
            measure(figures, "idem1", () -> rate(figures, "idem1", service, spread.clients(1, true), 1));
            measure(figures, "nochain1", () -> rate(figures, "nochain1", unchained, offChain.clients(1, false), 1));
            measure(figures, "raw16", () -> raw.appendRate(MANY, preset.phaseSeconds()));
            measure(figures, "apply16", () -> rate(figures, "apply16", service, spread.clients(MANY, false), MANY));
            measure(figures, "one16", () -> rate(figures, "one16", service, single.clients(MANY, false), MANY));
            measure(figures, "idem16", () -> rate(figures, "idem16", service, spread.clients(MANY, true), MANY));
            measure(
                    figures,
                    "nochain16",
                    () -> rate(figures, "nochain16", unchained, offChain.clients(MANY, false), MANY));
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
        rate(report, figures, "applies/s with the hash chain off, 1 client", "nochain1", "raw1");
        rate(report, figures, "applies/s with the hash chain off, 16 clients", "nochain16", "raw16");
        rate(report, figures, "hash chain's cost: applies/s chained ÷ unchained, 1 client", "apply1", "nochain1");
        rate(report, figures, "hash chain's cost: applies/s chained ÷ unchained, 16 clients", "apply16", "nochain16");
        report.figure(
                "service CPU per apply (ms): 1 client / 16 clients / 16 on one database",
                "%s / %s / %s".formatted(cpu(figures, "apply1"), cpu(figures, "apply16"), cpu(figures, "one16")));
        report.figure(
                "service CPU per apply with Idempotency-Key (ms): 1 client / 16 clients",
                "%s / %s".formatted(cpu(figures, "idem1"), cpu(figures, "idem16")));
        report.figure(
                "service CPU per apply with the hash chain off (ms): 1 client / 16 clients (the chainer runs apart from"
                        + " the apply, in the same JVM)",
                "%s / %s".formatted(cpu(figures, "nochain1"), cpu(figures, "nochain16")));
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

    /**
     * Applies per second; also notes the service's CPU time per apply (user + system, from /proc), which says what an
     * apply costs whatever share of the shared machine the service got.
     */
    private double rate(
            Map<String, List<Double>> figures, String name, LedgerProcess service, Load.Clients clients, int count)
            throws Exception {
        double cpuBefore = service.cpuSeconds();
        double rate = Load.run(count, preset.phaseSeconds(), clients);
        double millisPerApply = (service.cpuSeconds() - cpuBefore) * 1000 / (rate * preset.phaseSeconds());
        figures.computeIfAbsent(name + " cpu", key -> new ArrayList<>()).add(millisPerApply);
        return rate;
    }

    private static String cpu(Map<String, List<Double>> figures, String name) {
        return Report.number(Latencies.median(figures.get(name + " cpu")));
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
