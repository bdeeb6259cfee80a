package org.migrationledger.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.migrationledger.testsupport.MigrationCorpus;

/**
 * The kratos migrations of the shared corpus: the folder itself (up/down pairs, as {@code propose} reads them), and a
 * copy renamed the way Flyway needs ({@code V<version>__<name>.sql}, with {@code executeInTransaction=false} for the
 * {@code .autocommit.} files), in MANIFEST order.
 */
final class KratosMigrations {

    private KratosMigrations() {}

    static Path corpus() {
        return MigrationCorpus.locate().root().resolve(MigrationCorpus.KRATOS);
    }

    /** The up files in apply order, as MANIFEST.tsv lists them. */
    static List<Path> upFiles() {
        try (Stream<String> lines = Files.lines(corpus().resolve("MANIFEST.tsv"))) {
            return lines.skip(1)
                    .map(line -> line.split("\t"))
                    .filter(row -> row[3].equals("up"))
                    .map(row -> corpus().resolve(row[1]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the first {@code count} up files into {@code target} under Flyway names; returns the Flyway names. */
    static List<String> flywayCopy(Path target, int count) {
        try {
            Files.createDirectories(target);
            List<Path> ups = upFiles().subList(0, count);
            for (Path up : ups) {
                String flywayName = flywayName(up);
                Files.copy(up, target.resolve(flywayName));
                if (up.getFileName().toString().contains(".autocommit.")) {
                    Files.writeString(target.resolve(flywayName + ".conf"), "executeInTransaction=false\n");
                }
            }
            return ups.stream().map(KratosMigrations::flywayName).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies every file of one directory into another. */
    static void copyInto(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 20150100000001000000_networks.postgres.up.sql} becomes {@code V20150100000001000000__networks.sql}. */
    static String flywayName(Path up) {
        String name = up.getFileName().toString();
        String stem = name.substring(0, name.indexOf('.'));
        int underscore = stem.indexOf('_');
        return "V" + stem.substring(0, underscore) + "__" + stem.substring(underscore + 1) + ".sql";
    }
}
