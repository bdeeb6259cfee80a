package org.migrationledger.projection.history;

import java.util.Comparator;

/**
 * Orders schema versions as semver ({@code MAJOR.MINOR.PATCH}, numerically per part); versions that are not semver
 * sort after those that are, by text. Used by every read model that reasons about version order.
 */
public final class SchemaVersion {

    public static final Comparator<String> ORDER = SchemaVersion::compare;

    private SchemaVersion() {}

    public static int compare(String left, String right) {
        long[] a = parts(left);
        long[] b = parts(right);
        if (a == null || b == null) {
            return a == b ? String.valueOf(left).compareTo(String.valueOf(right)) : (a == null ? 1 : -1);
        }
        for (int i = 0; i < 3; i++) {
            int byPart = Long.compare(a[i], b[i]);
            if (byPart != 0) {
                return byPart;
            }
        }
        return 0;
    }

    private static long[] parts(String version) {
        if (version == null) {
            return null;
        }
        String core = version.split("[-+]", 2)[0];
        String[] pieces = core.split("\\.");
        if (pieces.length != 3) {
            return null;
        }
        try {
            return new long[] {Long.parseLong(pieces[0]), Long.parseLong(pieces[1]), Long.parseLong(pieces[2])};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
