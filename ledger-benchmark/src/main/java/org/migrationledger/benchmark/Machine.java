package org.migrationledger.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the figures were measured on, read from /proc where there is one. */
final class Machine {

    private Machine() {}

    static String describe(String postgresVersion) {
        return "%s, %d cores, %s RAM; PostgreSQL %s; JDK %s; load average at the start %s"
                .formatted(
                        procField("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
                        Runtime.getRuntime().availableProcessors(),
                        procField("/proc/meminfo", "MemTotal").orElse("unknown"),
                        postgresVersion,
                        System.getProperty("java.version"),
                        loadAverage());
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Optional<String> procField(String file, String field) {
        try (var lines = Files.lines(Path.of(file))) {
            return lines.filter(line -> line.startsWith(field))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
