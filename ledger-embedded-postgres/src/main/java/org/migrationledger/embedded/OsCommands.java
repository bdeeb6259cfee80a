package org.migrationledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Short operating-system commands the launcher needs (account checks, signals), run to completion. */
final class OsCommands {

    private static final long TIMEOUT_SECONDS = 60;
    private static Boolean setpriv;

    private OsCommands() {}

    static boolean runningAsRoot() {
        try {
            Path probe = Files.createTempFile("ledger-uid", ".probe");
            try {
                return Integer.valueOf(0).equals(Files.getAttribute(probe, "unix:uid"));
            } finally {
                Files.delete(probe);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    static synchronized boolean setprivAvailable() {
        if (setpriv == null) {
            setpriv = succeeds("setpriv", "--version");
        }
        return setpriv;
    }

    static boolean succeeds(String... command) {
        return succeeds(List.of(command));
    }

    static boolean succeeds(List<String> command) {
        try {
            return execute(command).exit() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a command that must succeed; its output is in the exception when it does not. */
    static void run(String... command) {
        output(command);
    }

    static String output(String... command) {
        try {
            Result result = execute(List.of(command));
            if (result.exit() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed (exit " + result.exit() + "): " + result.output());
            }
            return result.output();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        }
    }

    /** Reads the output to its end before waiting, so that a chatty command cannot block on a full pipe. */
    private static Result execute(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), output.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    private record Result(int exit, String output) {}
}
