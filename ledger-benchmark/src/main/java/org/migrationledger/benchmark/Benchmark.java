package org.migrationledger.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/benchmark}: one run on one fresh database, raw baselines and the service side by side (docs/benchmarks.md). */
@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        description = "Measures the ledger beside raw PostgreSQL on one fresh database and writes docs/benchmarks.md.")
public final class Benchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--full", description = "1,000 databases, ~1 M events (tens of minutes); default: the quick run")
    boolean full;

    @Option(names = "--quick", description = "the quick configuration (the default): a few minutes")
    boolean quick;

    @Option(
            names = "--server",
            defaultValue = "jdbc:postgresql://127.0.0.1:5432/",
            description = "JDBC URL of the server")
    String server;

    @Option(names = "--user", defaultValue = "postgres")
    String user;

    @Option(names = "--password", defaultValue = "")
    String password;

    @Option(names = "--service-jar", defaultValue = "ledger-service/target/ledger-service.jar")
    Path serviceJar;

    @Option(names = "--jvm-options", defaultValue = "-Xmx512m", split = " ", description = "the service's JVM options")
    List<String> jvmOptions;

    @Option(
            names = "--jfr",
            description = "record a JFR profile of the service during the intake rounds into this file")
    Path jfr;

    @Option(names = "--output", defaultValue = "docs/benchmarks.md")
    Path output;

    @Option(names = "--section", description = "name of the section in the output; default: the configuration")
    String section;

    @Option(names = "--keep-database", description = "leave the run's database on the server")
    boolean keepDatabase;

    @Option(
            names = "--skip-intake",
            description =
                    "leave out the intake rounds (raw and service): only the history at scale, its reads and rebuilds")
    boolean skipIntake;

    @Option(
            names = "--large-migrations",
            description = "migrations of the largest database instead of the configuration's (e.g. the full run's 5000"
                    + " in a quick run, to profile reads on it)")
    Integer largeMigrations;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Benchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Preset configured = full ? Preset.full() : Preset.quick();
        if (largeMigrations != null && largeMigrations < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--large-migrations must be at least 1, not " + largeMigrations);
        }
        Preset preset = largeMigrations == null ? configured : configured.withLargeMigrations(largeMigrations);
        Path work = Files.createTempDirectory("ledger-benchmark-");
        System.out.println("work directory (service log, token file): " + work);
        try (ScratchDatabase database = ScratchDatabase.create(server, user, password, keepDatabase)) {
            String header = header(preset, database);
            Principals tokens = Principals.writeTokenFile(work.resolve("tokens.txt"));
            LedgerProcess.Launch launch = new LedgerProcess.Launch(
                    serviceJar, jvmOptions, database, work.resolve("tokens.txt"), work.resolve("service.log"));
            Report report = new Report();
            report.writeAsItGoes(output, section != null ? section : preset.name(), header);
            double heap;
            try (LedgerProcess service = LedgerProcess.start(launch, tokens)) {
                report.figure(
                        "start-up on an empty store (s): until ready / until health is UP",
                        Report.number(service.readySeconds()) + " / " + Report.number(service.healthySeconds()));
                RawPostgres raw = new RawPostgres(database);
                Pipeline pipeline = new Pipeline(service.http(), tokens);
                if (!skipIntake) {
                    // The hash chain's cost on intake: a second service, on a database of its own, that never links.
                    try (ScratchDatabase other =
                                    ScratchDatabase.create(server, user, password, keepDatabase, "_unchained");
                            LedgerProcess unchained = LedgerProcess.start(
                                    new LedgerProcess.Launch(
                                            serviceJar,
                                            jvmOptions,
                                            other,
                                            launch.tokenFile(),
                                            work.resolve("service-unchained.log"),
                                            List.of("--ledger.chain.interval=3650d")),
                                    tokens)) {
                        new IntakeBenchmark(preset, raw, pipeline, new ReadModels(service.http(), tokens))
                                .run(report, service, jfr, new Pipeline(unchained.http(), tokens), unchained);
                    }
                    report.loadAverage("intake");
                }
                new ScaleBenchmark(preset, database, raw, pipeline, tokens).run(report);
                heap = service.liveHeapMegabytes();
            }
            report.figure(
                    "live heap after a full GC at the end of the run (MB; " + jvmOptions + ")", Report.number(heap));
            LedgerProcess.Launch restart =
                    new LedgerProcess.Launch(serviceJar, jvmOptions, database, launch.tokenFile(), launch.log());
            try (LedgerProcess restarted = LedgerProcess.start(restart, tokens)) {
                report.figure(
                        "start-up with the history at scale (s): until ready / until health is UP (read models"
                                + " faithful)",
                        Report.number(restarted.readySeconds()) + " / " + Report.number(restarted.healthySeconds()));
            }
            report.note("Load average at the end: " + Machine.loadAverage() + " (the machine is shared).");
            report.write(output, section != null ? section : preset.name(), header);
            System.out.println("written to " + output);
        }
        return 0;
    }

    private String header(Preset preset, ScratchDatabase database) throws Exception {
        String date = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        return """
                ## %s run, %s UTC

                - Command: `bin/benchmark %s` (%s)
                - Machine: %s
                - Service: `java %s -jar ledger-service.jar`, on database `%s`
                """.formatted(
                        preset.name(),
                        date.substring(0, 16),
                        String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                        preset,
                        Machine.describe(database.serverVersion()),
                        String.join(" ", jvmOptions),
                        database.name());
    }
}
