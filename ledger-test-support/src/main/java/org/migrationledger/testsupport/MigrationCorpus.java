package org.migrationledger.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real migration corpus of {@code shared/corpus} (kratos, supabase-auth): from {@code -Dledger.corpus.dir},
 * {@code $LEDGER_CORPUS_DIR}, or the first {@code shared/corpus} found walking up from the working directory, which
 * is where CI keeps it, beside the repository. A missing corpus fails the test instead of skipping it.
 */
public record MigrationCorpus(Path root) {

    public static final String PROPERTY = "ledger.corpus.dir";
    public static final String VARIABLE = "LEDGER_CORPUS_DIR";
    public static final String KRATOS = "kratos";
    public static final String SUPABASE = "supabase-auth";

    /** What supabase-auth's Go templates write where the schema name goes (see its SOURCE.md). */
    private static final String SUPABASE_NAMESPACE = "{{ index .Options \"Namespace\" }}";

    public static MigrationCorpus locate() {
        Path root = Optional.ofNullable(System.getProperty(PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(VARIABLE)))
                .filter(value -> !value.isBlank())
                .map(Path::of)
                .orElseGet(MigrationCorpus::walkUp);
        if (root == null || !Files.isDirectory(root.resolve(KRATOS))) {
            throw new IllegalStateException("Migration corpus not found: set -D" + PROPERTY + " or $" + VARIABLE
                    + ", or keep shared/corpus beside the repository (looked for " + root + ")");
        }
        return new MigrationCorpus(root);
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
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split("\t"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's SQL as a migration tool would run it: supabase's schema placeholder rendered as {@code auth}. */
    public static String sql(Path file) {
        return raw(file).replace(SUPABASE_NAMESPACE, "auth");
    }

    /** A file's bytes exactly as the corpus keeps them, templates and all. */
    public static String raw(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The down-migration paired with an up-migration by name, or null when the project keeps none. */
    public static String downFor(Path up) {
        Path down = up.resolveSibling(up.getFileName().toString().replace(".up.sql", ".down.sql"));
        return Files.exists(down) ? sql(down) : null;
    }

    private static Path walkUp() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
