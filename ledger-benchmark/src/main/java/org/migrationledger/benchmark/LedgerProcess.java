package org.migrationledger.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service as it is deployed: its executable jar in a JVM of its own, on the run's database, with the heap limit
 * the targets are stated for. Start-up is timed from the process start until the health endpoint is UP.
 */
final class LedgerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** USER_HZ: what /proc counts CPU time in, 100 on Linux. */
    private static final int CLOCK_TICKS = 100;

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final LedgerHttp http;
    private final double readySeconds;
    private final double healthySeconds;

    private LedgerProcess(Process process, LedgerHttp http, double readySeconds, double healthySeconds) {
        this.process = process;
        this.http = http;
        this.readySeconds = readySeconds;
        this.healthySeconds = healthySeconds;
    }

    /**
     * Settings of one service start: the jar, JVM options, database, token file and log, and settings of the service
     * ({@code --name=value}) beyond those.
     */
    record Launch(
            Path jar,
            List<String> jvmOptions,
            ScratchDatabase database,
            Path tokenFile,
            Path log,
            List<String> settings) {

        Launch(Path jar, List<String> jvmOptions, ScratchDatabase database, Path tokenFile, Path log) {
            this(jar, jvmOptions, database, tokenFile, log, List.of());
        }
    }

    static LedgerProcess start(Launch launch, Principals tokens) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch.jvmOptions());
        command.addAll(List.of(
                "-jar",
                launch.jar().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + launch.database().jdbcUrl(),
                "--spring.datasource.username=" + launch.database().user(),
                "--spring.datasource.password=" + launch.database().password(),
                "--ledger.security.token-file=" + launch.tokenFile()));
        command.addAll(launch.settings());
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.log().toFile()))
                .start();
        // A benchmark stopped with Ctrl-C must not leave the service running.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        LedgerHttp http = new LedgerHttp("http://127.0.0.1:" + port);
        // Ready: the service takes requests (readiness, what a load balancer waits for). Healthy: besides, every
        // read model is faithful (health component projections), which after a restart on a long history can take
        // the audit trail's full consistency check longer.
        awaitUp(process, http, tokens, launch.log(), "/actuator/health/readiness");
        double ready = (System.nanoTime() - begin) / 1e9;
        awaitUp(process, http, tokens, launch.log(), "/actuator/health");
        return new LedgerProcess(process, http, ready, (System.nanoTime() - begin) / 1e9);
    }

    LedgerHttp http() {
        return http;
    }

    /** From the process start until readiness answers UP. */
    double readySeconds() {
        return readySeconds;
    }

    /** From the process start until overall health answers UP (read models faithful). */
    double healthySeconds() {
        return healthySeconds;
    }

    /** Live heap in MB: a full GC first, so the figure is what the service holds, not garbage not yet collected. */
    double liveHeapMegabytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
    }

    /** CPU time the service has used so far (user + system), from /proc; NaN where there is none. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Starts a JFR recording (profile settings) of the service, written to {@code file} when stopped. */
    void startRecording(Path file) throws IOException, InterruptedException {
        jcmd("JFR.start name=benchmark settings=profile filename=" + file.toAbsolutePath());
    }

    void stopRecording() throws IOException, InterruptedException {
        jcmd("JFR.stop name=benchmark");
    }

    private String jcmd(String what) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(process.pid())));
        command.addAll(List.of(what.split(" ")));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return output;
    }

    private static void awaitUp(Process process, LedgerHttp http, Principals tokens, Path log, String health)
            throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.get(health, tokens.admin()).ok()) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // the port opens only once the context is up
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException(
                "The service's " + health + " did not answer UP in " + START_TIMEOUT + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
