package org.migrationledger.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.migrationledger.client.flyway.LedgerCallback;

/**
 * Flyway's own command-line distribution as the build unpacked it ({@code -Dledger.flyway.home}), with the shaded
 * {@code ledger-client.jar} ({@code -Dledger.client.jar}) dropped into its {@code jars/} folder the way the README
 * tells a pipeline to. Runs the {@code flyway} launcher and {@code java -jar ledger-client.jar} as processes, on the
 * JVM running the tests. This JVM's {@code LEDGER_*}, {@code FLYWAY_*}, {@code JAVA_ARGS} and {@code CLASSPATH} are
 * kept out: the launcher reads the last two, and a pipeline's own settings must not change what is tested.
 */
record FlywayCommandLine(Path home, Path clientJar) {

    static final String HOME_PROPERTY = "ledger.flyway.home";
    static final String CLIENT_JAR_PROPERTY = "ledger.client.jar";
    private static final Duration LIMIT = Duration.ofMinutes(3);

    /** Finds both, failing with what to do when the build has not produced them. */
    static FlywayCommandLine locate() {
        Path home = Path.of(required(HOME_PROPERTY, "the pre-integration-test unpack of flyway-commandline"));
        Path jar = Path.of(required(CLIENT_JAR_PROPERTY, "ledger-client's package phase"));
        if (!Files.isExecutable(home.resolve("flyway"))) {
            throw new IllegalStateException("No Flyway launcher at " + home.resolve("flyway")
                    + ": run the ITs through Maven (./mvnw verify), which unpacks flyway-commandline there.");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build ledger-client in the same reactor"
                    + " (./mvnw verify, or -pl ledger-service -am).");
        }
        return new FlywayCommandLine(home, jar);
    }

    /** Copies the client into {@code jars/}, where Flyway's launcher puts every jar it finds on its classpath. */
    FlywayCommandLine installClient() {
        try {
            Path jars = Files.createDirectories(home.resolve("jars"));
            Files.copy(clientJar, jars.resolve("ledger-client.jar"), StandardCopyOption.REPLACE_EXISTING);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code flyway <arguments> migrate} with the callback, in {@code directory} (where {@code ./ledger-spool} is). */
    Run migrate(Path directory, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                home.resolve("flyway").toString(),
                "-skipCheckForUpdate",
                "-callbacks=" + LedgerCallback.class.getName()));
        command.addAll(List.of(arguments));
        command.add("migrate");
        return run(directory, environment, command);
    }

    /** {@code java -jar ledger-client.jar <arguments>}. */
    Run client(Path directory, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(java().toString(), "-jar", clientJar.toString()));
        command.addAll(List.of(arguments));
        return run(directory, environment, command);
    }

    private static Run run(Path directory, Map<String, String> environment, List<String> command) {
        try {
            Path log = Files.createTempFile(directory, "process", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment()
                    .keySet()
                    .removeIf(name -> name.startsWith("LEDGER_")
                            || name.startsWith("FLYWAY_")
                            || name.equals("JAVA_ARGS")
                            || name.equals("CLASSPATH"));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(
                        "Still running after " + LIMIT + ": " + command + "\n" + Files.readString(log));
            }
            return new Run(command, process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static String required(String property, String producer) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + property + " is not set; it comes from failsafe's configuration in"
                    + " ledger-service/pom.xml, after " + producer + ". Run the ITs through Maven.");
        }
        return value;
    }

    /** What a process printed (stdout and stderr together) and how it ended. */
    record Run(List<String> command, int exit, String output) {

        @Override
        public String toString() {
            return String.join(" ", command) + "\nexit " + exit + "\n--- output\n" + output;
        }
    }
}
