package org.migrationledger.naming;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The ledger's migration ids: {@code NNNN_snake_description}, derived from Flyway's {@code V<version>__<description>}
 * the same way wherever a Flyway name is read (a proposal, an import, a repair, the client), and their apply order.
 */
public final class MigrationIds {

    /**
     * Apply order, the way Flyway and Drizzle apply migrations: by the numeric prefix of the id (in {@link
     * VersionOrder}; prefixes can be 20-digit timestamps), then by the whole id.
     */
    public static final Comparator<String> APPLY_ORDER = Comparator.comparing(
                    MigrationIds::numericPrefix, VersionOrder.INSTANCE)
            .thenComparing(Comparator.naturalOrder());

    private static final Pattern CONVENTION = Pattern.compile("^\\d{4,}_[a-z0-9]+(?:_[a-z0-9]+)*$");
    private static final Pattern FLYWAY = Pattern.compile("^V(\\d+(?:[._]\\d+)*)__(.+)$");
    private static final int PADDED_DIGITS = 4;
    private static final int MAX_VERSION_DIGITS = 9;

    private MigrationIds() {}

    /**
     * The {@code NNNN_snake_description} form of a migration id, accepting Flyway's {@code V<version>__<desc>} (and a
     * trailing {@code .sql}); empty when the id follows neither convention.
     */
    public static Optional<String> normalise(String raw) {
        String id = raw.strip();
        if (id.toLowerCase(Locale.ROOT).endsWith(".sql")) {
            id = id.substring(0, id.length() - ".sql".length());
        }
        Matcher flyway = FLYWAY.matcher(id);
        if (flyway.matches()) {
            id = fromFlyway(flyway.group(1), flyway.group(2));
        }
        return CONVENTION.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    /**
     * The id of a Flyway migration: the version's first part padded to four digits, its further parts, then the
     * description in snake case ({@code 2.1} and {@code add priority} give {@code 0002_1_add_priority}).
     */
    public static String fromFlyway(String version, String description) {
        String[] parts = version.split("[._]");
        String first = "0".repeat(Math.max(0, PADDED_DIGITS - parts[0].length())) + parts[0];
        String rest = Arrays.stream(parts).skip(1).map(part -> "_" + part).collect(Collectors.joining());
        String snake = description
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return first + rest + "_" + snake;
    }

    /**
     * The semantic version a migration name implies, for a migration the ledger learns of from a fact rather than a
     * proposal: Flyway's version padded to three parts ({@code V2_1__x} is 2.1.0), else the id's number as the major
     * version ({@code 0042_add_x} is 42.0.0, a timestamp id's timestamp likewise). Empty only when the name is no
     * migration id.
     */
    public static Optional<String> impliedVersion(String raw) {
        String id = raw.strip();
        if (id.toLowerCase(Locale.ROOT).endsWith(".sql")) {
            id = id.substring(0, id.length() - ".sql".length());
        }
        Matcher flyway = FLYWAY.matcher(id);
        Optional<String> fromFlyway = flyway.matches() ? semanticVersionOf(flyway.group(1)) : Optional.empty();
        return fromFlyway.or(
                () -> normalise(raw).map(normalised -> new BigInteger(numericPrefix(normalised)) + ".0.0"));
    }

    /**
     * The semantic version a Flyway-style version stands for ({@code 2.1} is 2.1.0): empty for more than three parts
     * or parts beyond nine digits.
     */
    public static Optional<String> semanticVersionOf(String flywayVersion) {
        List<BigInteger> parts = VersionOrder.parts(flywayVersion);
        if (parts.isEmpty()
                || parts.size() > 3
                || parts.stream().anyMatch(part -> part.toString().length() > MAX_VERSION_DIGITS)) {
            return Optional.empty();
        }
        List<BigInteger> padded = new ArrayList<>(parts);
        while (padded.size() < 3) {
            padded.add(BigInteger.ZERO);
        }
        return Optional.of(padded.get(0) + "." + padded.get(1) + "." + padded.get(2));
    }

    private static String numericPrefix(String migrationId) {
        int end = 0;
        while (end < migrationId.length() && Character.isDigit(migrationId.charAt(end))) {
            end++;
        }
        return end == 0 ? "0" : migrationId.substring(0, end);
    }
}
