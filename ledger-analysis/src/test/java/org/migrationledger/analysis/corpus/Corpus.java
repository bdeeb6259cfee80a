package org.migrationledger.analysis.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real migration corpus in {@code shared/corpus}: from {@code -Dledger.corpus.dir}, {@code $LEDGER_CORPUS_DIR},
 * or the first {@code shared/corpus} found walking up from the working directory (CI keeps it beside the repository).
 */
public record Corpus(Path root) {

    public static final String PROPERTY = "ledger.corpus.dir";
    public static final String VARIABLE = "LEDGER_CORPUS_DIR";

    public static Corpus locate() {
        Optional<Path> configured = Optional.ofNullable(System.getProperty(PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(VARIABLE)))
                .filter(value -> !value.isBlank())
                .map(Path::of);
        Path root = configured.orElseGet(Corpus::walkUp);
        if (root == null || !Files.isDirectory(root.resolve("kratos"))) {
            throw new IllegalStateException("Migration corpus not found: set -D" + PROPERTY + " or $" + VARIABLE
                    + ", or keep shared/corpus beside the repository (looked for " + root + ")");
        }
        return new Corpus(root);
    }

    /** The up-migrations of one project folder, in MANIFEST (apply) order. */
    public List<Path> upMigrations(String project) {
        return manifest(project).stream()
                .filter(row -> row[3].equals("up"))
                .map(row -> root.resolve(project).resolve(row[1]))
                .toList();
    }

    /** The MANIFEST.tsv rows without the header: seq, file, version, direction, ... */
    public List<String[]> manifest(String project) {
        try (Stream<String> lines = Files.lines(root.resolve(project).resolve("MANIFEST.tsv"))) {
            return lines.skip(1)
                    .filter(l -> !l.isBlank())
                    .map(l -> l.split("\t"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The down-migration paired with an up-migration by name, or null when the project keeps none. */
    public static String downFor(Path up) {
        Path down = up.resolveSibling(up.getFileName().toString().replace(".up.sql", ".down.sql"));
        return Files.exists(down) ? read(down) : null;
    }

    private static Path walkUp() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }
}
