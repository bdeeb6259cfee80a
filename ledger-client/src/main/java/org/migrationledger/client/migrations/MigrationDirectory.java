package org.migrationledger.client.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.migrationledger.client.migrations.MigrationName.Direction;
import org.migrationledger.naming.VersionOrder;

/**
 * Reads the migrations of a directory (or one file) in apply order and pairs each up script with its down script:
 * {@code .up.sql} with {@code .down.sql} of the same version, Flyway's {@code V…__} with {@code U…__}. Files of
 * another SQL dialect (e.g. {@code .mysql.up.sql} when reading for PostgreSQL) are left out; files that follow no
 * convention (repeatables, journals, READMEs) are listed as skipped.
 */
public final class MigrationDirectory {

    /** Dialect segments that tools such as kratos' pop put between a migration's name and its direction. */
    static final Set<String> KNOWN_DIALECTS = Set.of("postgres", "mysql", "sqlite3", "sqlite", "cockroach", "mssql");

    private final List<Migration> migrations;
    private final List<Path> skipped;

    private MigrationDirectory(List<Migration> migrations, List<Path> skipped) {
        this.migrations = List.copyOf(migrations);
        this.skipped = List.copyOf(skipped);
    }

    /** Reads a directory (not recursively) or a single up file, keeping the files of the given dialect. */
    public static MigrationDirectory read(Path path, String dialect) {
        List<Path> files = files(path);
        Map<String, Path> ups = new LinkedHashMap<>();
        Map<String, Path> downs = new LinkedHashMap<>();
        Map<String, MigrationName> names = new LinkedHashMap<>();
        List<Path> skipped = new ArrayList<>();
        for (Path file : files) {
            Optional<MigrationName> parsed =
                    MigrationName.parse(file.getFileName().toString());
            if (parsed.isEmpty() || !ofDialect(parsed.get(), dialect)) {
                skipped.add(file);
                continue;
            }
            MigrationName name = parsed.get();
            String key = name.version();
            Map<String, Path> side = name.direction() == Direction.UP ? ups : downs;
            Path previous = side.put(key, file);
            if (previous != null) {
                throw new IllegalArgumentException(
                        "Two " + name.direction().name().toLowerCase() + " files for version " + key + ": "
                                + previous.getFileName() + " and " + file.getFileName() + ".");
            }
            if (name.direction() == Direction.UP) {
                names.put(key, name);
            }
        }
        if (path.toFile().isDirectory()) {
            downs.forEach((key, down) -> {
                if (!ups.containsKey(key)) {
                    skipped.add(down);
                }
            });
        } else if (ups.isEmpty()) {
            throw new IllegalArgumentException(path + " is not an up migration file (V<version>__<description>.sql,"
                    + " <version>_<name>.up.sql or <version>_<name>.sql).");
        } else {
            findDownBeside(path, names.values().iterator().next(), dialect)
                    .ifPresent(down -> downs.put(names.keySet().iterator().next(), down));
        }
        List<Migration> migrations = new ArrayList<>();
        names.values().stream()
                .sorted(Comparator.comparing(MigrationName::version, VersionOrder.INSTANCE))
                .forEach(name -> migrations.add(migration(name, ups.get(name.version()), downs.get(name.version()))));
        return new MigrationDirectory(migrations, skipped);
    }

    public List<Migration> migrations() {
        return migrations;
    }

    public List<Path> skipped() {
        return skipped;
    }

    /**
     * The migrations, or a refusal naming what was read: a command given a directory with none in it (a wrong path, a
     * wrong dialect) must say so rather than succeed having done nothing.
     */
    public List<Migration> requireMigrations(Path path, String dialect) {
        if (!migrations.isEmpty()) {
            return migrations;
        }
        throw new IllegalArgumentException("No migrations of dialect " + dialect + " in " + path + " ("
                + skipped.size() + " other file(s) skipped). Up migrations are named V<version>__<description>.sql,"
                + " <version>_<name>[.<dialect>].up.sql or <version>_<name>.sql.");
    }

    private static Migration migration(MigrationName name, Path up, Path down) {
        String upScript = text(up);
        String downScript = down == null ? null : text(down);
        if (downScript != null && downScript.isBlank()) {
            downScript = null;
        }
        return new Migration(
                name.migrationId(),
                name.version(),
                null,
                name.description(),
                up,
                upScript,
                down,
                downScript,
                ScriptChecksum.of(upScript));
    }

    private static boolean ofDialect(MigrationName name, String dialect) {
        return name.dialects().stream().filter(KNOWN_DIALECTS::contains).allMatch(d -> d.equalsIgnoreCase(dialect));
    }

    private static Optional<Path> findDownBeside(Path up, MigrationName name, String dialect) {
        Path folder = up.toAbsolutePath().getParent();
        return files(folder).stream()
                .filter(file -> MigrationName.parse(file.getFileName().toString())
                        .filter(other -> other.direction() == Direction.DOWN
                                && other.version().equals(name.version())
                                && ofDialect(other, dialect))
                        .isPresent())
                .findFirst();
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException(path + " does not exist.");
            }
            return List.of(path);
        }
        try (Stream<Path> listing = Files.list(path)) {
            return listing.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
