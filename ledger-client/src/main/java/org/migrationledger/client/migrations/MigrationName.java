package org.migrationledger.client.migrations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.migrationledger.naming.MigrationIds;

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

    private static final Pattern FLYWAY = Pattern.compile("^([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.sql$");
    private static final Pattern UP_DOWN =
            Pattern.compile("^(\\d+)_([^.]+)((?:\\.[A-Za-z0-9_-]+)*?)\\.(up|down)\\.sql$");
    private static final Pattern PLAIN = Pattern.compile("^(\\d+)_([^.]+)\\.sql$");

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

    /** The ledger's id, derived as the ledger derives it ({@link MigrationIds#fromFlyway}). */
    public String migrationId() {
        return MigrationIds.fromFlyway(version, description);
    }
}
