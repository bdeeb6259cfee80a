package org.migrationledger.client.flyway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import org.migrationledger.client.migrations.ScriptChecksum;

/** Finds the bytes of the script Flyway ran, to take the SHA-256 the ledger binds approvals to. */
final class ScriptSource {

    private ScriptSource() {}

    /** SHA-256 of the script's text; empty when the script cannot be found (e.g. a Java migration). */
    static Optional<String> checksum(MigrationInfo info, Configuration configuration) {
        return read(info, configuration).map(ScriptChecksum::sha256);
    }

    static Optional<byte[]> read(MigrationInfo info, Configuration configuration) {
        String physical = info.getPhysicalLocation();
        if (physical != null && !physical.isBlank() && Files.isRegularFile(Path.of(physical))) {
            return Optional.of(bytes(Path.of(physical)));
        }
        for (Location location : configuration.getLocations()) {
            Optional<byte[]> found = location.isFileSystem()
                    ? fromFileSystem(location, info.getScript())
                    : fromClasspath(location, info.getScript(), configuration.getClassLoader());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<byte[]> fromFileSystem(Location location, String script) {
        Path file = Path.of(location.getRootPath()).resolve(script);
        return Files.isRegularFile(file) ? Optional.of(bytes(file)) : Optional.empty();
    }

    private static Optional<byte[]> fromClasspath(Location location, String script, ClassLoader classLoader) {
        String root = location.getRootPath();
        String resource = root.isEmpty() ? script : root + "/" + script;
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
