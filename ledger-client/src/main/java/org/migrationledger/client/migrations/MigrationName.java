package org.migrationledger.client.migrations;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a migration file's name says: its version, description and direction, in the naming conventions pipelines use
 * (Flyway {@code V1_2__desc.sql} / {@code U1_2__desc.sql}, up/down pairs such as kratos'
 * {@code 20150100000001000000_networks.postgres.up.sql}, Drizzle {@code 0007_add_priority.sql}), and the ledger's
 * {@code NNNN_snake_description} migration id derived from it exactly as the ledger derives it.
 *
 * @param version the version as written, e.g. {@code 1.2} or {@code 20150100000001000000}
 * @param dialects dialect or mode segments between the name and the direction, e.g. {@code postgres, autocommit}
 */
public record MigrationName(
        String fileName, String version, String description, Direction direction, Set<String> dialects) {

    /** Which way a file moves the schema. */
    public enum Direction {
        UP,
        DOWN
    }

    /** Orders by the numeric parts of the version, as Flyway does; timestamps of 20 digits included. */
    public static final Comparator<String> VERSION_ORDER = MigrationName::compareVersions;

    private static final Pattern FLYWAY = Pattern.compile("^([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.sql$");
    private static final Pattern UP_DOWN =
            Pattern.compile("^(\\d+)_([^.]+)((?:\\.[A-Za-z0-9_-]+)*?)\\.(up|down)\\.sql$");
    private static final Pattern PLAIN = Pattern.compile("^(\\d+)_([^.]+)\\.sql$");
    private static final int PADDED_DIGITS = 4;

    public MigrationName {
        dialects = Set.copyOf(dialects);
    }

    /** Reads a file name; empty when it follows none of the conventions (a repeatable, a README, a journal). */
    public static Optional<MigrationName> parse(String fileName) {
        Matcher flyway = FLYWAY.matcher(fileName);
        if (flyway.matches()) {
            Direction direction = flyway.group(1).equals("V") ? Direction.UP : Direction.DOWN;
            return Optional.of(new MigrationName(
                    fileName, flyway.group(2), flyway.group(3).replace('_', ' '), direction, Set.of()));
        }
        Matcher upDown = UP_DOWN.matcher(fileName);
        if (upDown.matches()) {
            Set<String> dialects = Arrays.stream(upDown.group(3).split("\\."))
                    .filter(s -> !s.isEmpty())
                    .map(s -> s.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            Direction direction = upDown.group(4).equals("up") ? Direction.UP : Direction.DOWN;
            return Optional.of(new MigrationName(
                    fileName, upDown.group(1), upDown.group(2).replace('_', ' '), direction, dialects));
        }
        Matcher plain = PLAIN.matcher(fileName);
        if (plain.matches()) {
            return Optional.of(new MigrationName(
                    fileName, plain.group(1), plain.group(2).replace('_', ' '), Direction.UP, Set.of()));
        }
        return Optional.empty();
    }

    /** The ledger's id: the version's first part padded to four digits, further parts, then the snake description. */
    public String migrationId() {
        return migrationId(version, description);
    }

    public static String migrationId(String version, String description) {
        String[] parts = version.split("[._]");
        String first = "0".repeat(Math.max(0, PADDED_DIGITS - parts[0].length())) + parts[0];
        String rest = Arrays.stream(parts).skip(1).map(part -> "_" + part).collect(Collectors.joining());
        String snake = description
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return first + rest + "_" + snake;
    }

    /** The numeric parts of a version, e.g. {@code 1.2} is [1, 2]. */
    public static List<BigInteger> versionParts(String version) {
        return Arrays.stream(version.split("[._]")).map(BigInteger::new).toList();
    }

    static int compareVersions(String left, String right) {
        List<BigInteger> a = versionParts(left);
        List<BigInteger> b = versionParts(right);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int byPart = x.compareTo(y);
            if (byPart != 0) {
                return byPart;
            }
        }
        return 0;
    }
}
