package org.migrationledger.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The history at scale: seeded (template through the service, copies in SQL), then every GET with and without a
 * 16-client write load, the rebuild of every read model beside the raw sequential read, and a replay of old-revision
 * events to price the upcasters.
 */
final class ScaleBenchmark {

    private static final String LARGE = "benchlarge";
    private static final Duration CATCH_UP = Duration.ofHours(2);
    private static final int WRITERS = 16;

    private final Preset preset;
    private final ScratchDatabase database;
    private final RawPostgres raw;
    private final HistorySeeder seeder;
    private final Pipeline pipeline;
    private final LedgerHttp http;
    private final Principals tokens;
    private final ReadModels readModels;

    ScaleBenchmark(Preset preset, ScratchDatabase database, RawPostgres raw, Pipeline pipeline, Principals tokens) {
        this.preset = preset;
        this.database = database;
        this.raw = raw;
        this.seeder = new HistorySeeder(database);
        this.pipeline = pipeline;
        this.http = pipeline.http();
        this.tokens = tokens;
        this.readModels = new ReadModels(http, tokens);
    }

    void run(Report report) throws Exception {
        seed(report);
        report.loadAverage("seeding and catching up");
        reads(report);
        report.loadAverage("the reads");
        double sequentialRead = raw.sequentialReadRate();
        report.rate("raw: paged sequential read of the event store, rows/s", sequentialRead, sequentialRead);
        for (String readModel : readModels.names()) {
            ReadModels.Rebuild rebuild = readModels.rebuild(readModel, CATCH_UP, preset.rebuildSeconds());
            report.rate(
                    (rebuild.cancelled()
                                    ? "rebuild of %s, events/s (first %,d events in %.0f s, then cancelled)"
                                    : "rebuild of %s, events/s (%,d events in %.0f s)")
                            .formatted(readModel, rebuild.events(), rebuild.seconds()),
                    rebuild.eventsPerSecond(),
                    sequentialRead);
            if (rebuild.difference() != null) {
                report.note("The rebuilt %s differed from the serving generation (switched by force): %s"
                        .formatted(readModel, rebuild.difference()));
            }
            readModels.awaitCaughtUp(CATCH_UP);
        }
        report.loadAverage("the rebuilds");
        upcasting(report);
        report.loadAverage("the upcasting rebuilds");
    }

    private void seed(Report report) throws Exception {
        long start = System.nanoTime();
        HistorySeeder.deliver(pipeline, HistorySeeder.TEMPLATE, preset.templateMigrations());
        double delivered = (System.nanoTime() - start) / 1e9;
        long copied = seeder.copyTemplate("orders", preset.copies(), false);
        copied += seeder.replicateTemplate(LARGE, preset.largeMigrations(), preset.templateMigrations());
        double seeded = (System.nanoTime() - start) / 1e9;
        report.figure(
                "history at scale: databases / migrations / events in the store",
                "%,d / %,d / %,d".formatted(preset.databasesAtScale(), preset.migrationsAtScale(), storedEvents()));
        report.figure(
                "seeding (s): the template over HTTP; then %,d events copied from it inside the server (the copies and the largest database)"
                        .formatted(copied),
                Report.number(delivered) + "; " + Report.number(seeded - delivered));
        double caughtUp = readModels.awaitCaughtUp(CATCH_UP);
        report.figure(
                "read models catching up after the copies (s, all read models at once; %,d events/s each)"
                        .formatted(Math.round(storedEvents() / caughtUp)),
                Report.number(caughtUp));
    }

    private long storedEvents() throws SQLException {
        try (Connection connection = database.connect()) {
            return RawPostgres.head(connection);
        }
    }

    private void reads(Report report) throws Exception {
        List<ReadProbes.Probe> probes = new ArrayList<>();
        probes.addAll(ReadProbes.probes(http, pipeline, tokens, LARGE, preset.largeMigrations()));
        probes.addAll(ReadProbes.probes(http, pipeline, tokens, "orders0001", preset.templateMigrations()));
        List<ReadProbes.Measured> idle = ReadProbes.measure(probes, preset.readSamples(), preset.probeSeconds());
        List<String> writers = IntStream.rangeClosed(1, WRITERS * 2)
                .mapToObj("loaded%03d"::formatted)
                .toList();
        ApplyWorkload load = ApplyWorkload.provision(pipeline, writers, preset.intakeMigrations(), WRITERS);
        readModels.awaitCaughtUp(CATCH_UP);
        Load writing = Load.start(WRITERS, load.clients(WRITERS, false));
        List<ReadProbes.Measured> loaded;
        double writeRate;
        try {
            loaded = ReadProbes.measure(probes, preset.readSamples(), preset.probeSeconds());
        } finally {
            writeRate = writing.stop();
            writing.close();
        }
        long lag = readModels.totalLag();
        for (int i = 0; i < probes.size(); i++) {
            ReadProbes.Measured quiet = idle.get(i);
            ReadProbes.Measured busy = loaded.get(i);
            report.figure(
                    quiet.name() + ": p50 / p99 ms idle → under write load; largest answer",
                    "%s / %s → %s / %s; %,d B%s%s"
                            .formatted(
                                    Report.number(quiet.p50Millis()),
                                    Report.number(quiet.p99Millis()),
                                    Report.number(busy.p50Millis()),
                                    Report.number(busy.p99Millis()),
                                    Math.max(quiet.maxBytes(), busy.maxBytes()),
                                    quiet.failures() + busy.failures() > 0
                                            ? " (" + (quiet.failures() + busy.failures()) + " not 2xx)"
                                            : "",
                                    Math.min(quiet.samples(), busy.samples()) < preset.readSamples()
                                            ? " (%d → %d samples: %.0f s each)"
                                                    .formatted(quiet.samples(), busy.samples(), preset.probeSeconds())
                                            : ""));
        }
        report.figure(
                "write load during the reads: applies/s from 16 clients; read-model lag at its end (events)",
                "%s; %,d".formatted(Report.number(writeRate), lag));
        readModels.awaitCaughtUp(CATCH_UP);
    }

    /**
     * Rebuilds the version history over the store as it is, then again after as many events again were added in the
     * revisions the prototype wrote: the second rebuild's extra time over the first is the price of reading old events.
     * Each side is the median of several rebuilds, as one rebuild of a quick run lasts only seconds.
     */
    private void upcasting(Report report) throws Exception {
        String readModel = "version-history";
        ReadModels.Rebuild current = medianRebuild(readModel);
        // As many old events as a tenth of the store at most: enough to price them, few enough to replay twice.
        long legacy = seeder.copyTemplate("legacy", Math.min(preset.copies(), 99), true);
        readModels.awaitCaughtUp(CATCH_UP);
        ReadModels.Rebuild mixed = medianRebuild(readModel);
        double perCurrentEvent = current.seconds() / current.events();
        double perLegacyEvent = (mixed.seconds() - current.seconds()) / (mixed.events() - current.events());
        report.figure(
                "replay with %,d old-revision events: upcasting overhead per event (%s rebuild, median of %d: %.1f s → %.1f s)"
                        .formatted(legacy, readModel, preset.upcastingRounds(), current.seconds(), mixed.seconds()),
                Report.percent(perLegacyEvent / perCurrentEvent - 1));
    }

    private ReadModels.Rebuild medianRebuild(String readModel) throws Exception {
        List<ReadModels.Rebuild> rebuilds = new ArrayList<>();
        for (int round = 0; round < preset.upcastingRounds(); round++) {
            rebuilds.add(readModels.rebuild(readModel, CATCH_UP));
            readModels.awaitCaughtUp(CATCH_UP);
        }
        rebuilds.sort(Comparator.comparingDouble(ReadModels.Rebuild::seconds));
        return rebuilds.get(rebuilds.size() / 2);
    }
}
