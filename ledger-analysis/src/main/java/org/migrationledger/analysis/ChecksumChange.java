package org.migrationledger.analysis;

import java.util.Objects;
import org.migrationledger.analysis.checksum.SqlNormalizer;

/**
 * Tells whether an edited script still runs the same SQL. A changed checksum with the same normalised SQL (comments,
 * whitespace, keyword case) is cosmetic; anything else is semantic and needs fresh approval.
 */
public final class ChecksumChange {

    public enum Kind {
        /** Byte for byte the same script. */
        IDENTICAL,
        /** Different bytes, same normalised SQL. */
        COSMETIC,
        /** Different SQL. */
        SEMANTIC
    }

    private ChecksumChange() {}

    public static Kind classify(String oldScript, String newScript) {
        String before = Objects.requireNonNullElse(oldScript, "");
        String after = Objects.requireNonNullElse(newScript, "");
        if (before.equals(after)) {
            return Kind.IDENTICAL;
        }
        return SqlNormalizer.normalize(before).equals(SqlNormalizer.normalize(after)) ? Kind.COSMETIC : Kind.SEMANTIC;
    }
}
