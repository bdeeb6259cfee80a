package org.migrationledger.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A documented shell script run in bash as a reader would paste it, with its exit code and what it printed. */
public record BashRun(int exitCode, String stdout, String stderr) {

    /** Runs in the given directory (which keeps stdout.txt and stderr.txt) with the given variables added. */
    public static BashRun of(Path directory, String script, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(directory.toFile());
        builder.environment().remove("LEDGER_TOKEN");
        builder.environment().putAll(environment);
        Path out = directory.resolve("stdout.txt");
        Path err = directory.resolve("stderr.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .as("the documented commands finish within " + timeout)
                .isTrue();
        return new BashRun(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}
