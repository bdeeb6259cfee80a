package org.migrationledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The {@code postgres} process and the commands around it. The server is started from a thread of its own that waits
 * for it as long as it runs: Linux sends the parent-death signal when the starting <em>thread</em> ends, so starting
 * it from a pooled or request thread would stop it when that thread is retired.
 */
record ServerProcess(Process process, PostgresBinaries binaries, Path log, ServerAccount account, int port) {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration SHUTDOWN = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);

    static void initdb(PostgresBinaries binaries, ServerAccount account, EmbeddedPostgresSettings settings) {
        List<String> command = new ArrayList<>(List.of(
                binaries.tool("initdb"),
                "-D",
                settings.cluster().toString(),
                "-U",
                EmbeddedPostgresServer.SUPERUSER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C"));
        if (!settings.durable()) {
            command.add("--no-sync");
        }
        try {
            Process initdb = new ProcessBuilder(account.wrap(command))
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(settings.log().toFile()))
                    .start();
            if (!initdb.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new IllegalStateException(
                        "initdb failed for " + settings.cluster() + ":\n" + tail(settings.log()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run initdb", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the cluster", e);
        }
    }

    static ServerProcess start(
            PostgresBinaries binaries, ServerAccount account, EmbeddedPostgresSettings settings, int port) {
        List<String> command = new ArrayList<>(
                List.of(binaries.tool("postgres"), "-D", settings.cluster().toString()));
        command.addAll(serverOptions(settings, port));
        ProcessBuilder builder = new ProcessBuilder(account.wrap(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.log().toFile()));
        CompletableFuture<Process> started = new CompletableFuture<>();
        Thread keeper = new Thread(() -> startAndWait(builder, started), "embedded-postgres-" + settings.cluster());
        keeper.setDaemon(true);
        keeper.start();
        try {
            Process process = started.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
            return new ServerProcess(process, binaries, settings.log(), account, port);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting PostgreSQL", e);
        }
    }

    private static List<String> serverOptions(EmbeddedPostgresSettings settings, int port) {
        List<String> options = new ArrayList<>(List.of(
                "-p",
                String.valueOf(port),
                "-c",
                "listen_addresses=127.0.0.1",
                // TCP only: the default socket folder (/var/run/postgresql) may not exist or not be ours.
                "-c",
                "unix_socket_directories=",
                "-c",
                "max_connections=200"));
        if (!settings.durable()) {
            options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        return options;
    }

    private static void startAndWait(ProcessBuilder builder, CompletableFuture<Process> started) {
        try {
            Process process = builder.start();
            started.complete(process);
            process.waitFor();
        } catch (IOException e) {
            started.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void awaitReady(BooleanSupplier accepting) {
        Instant deadline = Instant.now().plus(STARTUP);
        while (!accepting.getAsBoolean()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                stop();
                throw new IllegalStateException("The embedded PostgreSQL did not come up"
                        + (process.isAlive() ? " in " + STARTUP.toSeconds() + " s" : "") + "; its log " + log + ":\n"
                        + tail(log));
            }
            pause();
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code postgres --version} prints {@code postgres (PostgreSQL) 17.7}: the number is the last word. */
    String version() {
        String output = OsCommands.output(binaries.tool("postgres"), "--version");
        return output.substring(output.lastIndexOf(' ') + 1);
    }

    void stop() {
        stop(process.toHandle());
    }

    /** SIGINT is PostgreSQL's fast shutdown: sessions are ended, the data is checkpointed and the server exits. */
    static void stop(ProcessHandle server) {
        if (!server.isAlive()) {
            return;
        }
        OsCommands.succeeds("kill", "-INT", String.valueOf(server.pid()));
        try {
            server.onExit().get(SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            server.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
        }
    }
}
