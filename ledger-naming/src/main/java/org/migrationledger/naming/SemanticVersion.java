package org.migrationledger.naming;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Semantic Versioning 2.0.0 version, the form of every schema version the ledger records, whether proposed,
 * released or imported.
 *
 * @param preRelease the identifiers after {@code -}; null when none
 * @param build the metadata after {@code +}; null when none (it plays no part in the order)
 */
public record SemanticVersion(long major, long minor, long patch, String preRelease, String build) {

    /** The SemVer 2.0.0 grammar, pre-release and build metadata included; for bean validation's {@code @Pattern}. */
    public static final String PATTERN = "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    /** Reads a version; empty when it is not SemVer 2.0.0 (or a part exceeds a long). */
    public static Optional<SemanticVersion> parse(String text) {
        Matcher matcher = text == null ? null : COMPILED.matcher(text);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SemanticVersion(
                    Long.parseLong(matcher.group(1)),
                    Long.parseLong(matcher.group(2)),
                    Long.parseLong(matcher.group(3)),
                    matcher.group(4),
                    matcher.group(5)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether this is a plain {@code MAJOR.MINOR.PATCH}, without pre-release or build metadata. */
    public boolean isRelease() {
        return preRelease == null && build == null;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease)
                + (build == null ? "" : "+" + build);
    }
}
