package org.migrationledger.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The naming conventions of the seeds: database, environment and migration ids, and semver versions. */
public final class Naming {

    /** Lower-case names that are safe in URLs, file names and PostgreSQL identifiers. */
    public static final String NAME = "^[a-z][a-z0-9_-]{0,62}$";

    /** Semantic Versioning 2.0.0, including pre-release and build metadata. */
    public static final String SEMVER = "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$";

    public static final String SHA256_HEX = "^[0-9a-fA-F]{64}$";

    private static final Pattern CONVENTION = Pattern.compile("^\\d{4,}_[a-z0-9]+(?:_[a-z0-9]+)*$");
    private static final Pattern FLYWAY = Pattern.compile("^V(\\d+(?:[._]\\d+)*)__(.+)$");
    private static final int PADDED_DIGITS = 4;

    private Naming() {}

    /**
     * The {@code NNNN_snake_description} form of a migration id, accepting Flyway's {@code V<version>__<desc>} (and a
     * trailing {@code .sql}); empty when the id follows neither convention.
     */
    public static Optional<String> normaliseMigrationId(String raw) {
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

    private static String fromFlyway(String version, String description) {
        String[] parts = version.split("[._]");
        String first = "0".repeat(Math.max(0, PADDED_DIGITS - parts[0].length())) + parts[0];
        String rest = Arrays.stream(parts).skip(1).map(part -> "_" + part).collect(Collectors.joining());
        String snake = description
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return first + rest + "_" + snake;
    }
}
