package org.migrationledger.naming;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one order of versions, for Flyway's file versions ({@code 1.2}, {@code 2_1}, 20-digit timestamps) and the
 * ledger's semantic versions alike: numeric parts (separated by {@code .} or {@code _}) compared as numbers, a missing
 * part counting as 0; then, as SemVer 2.0.0 says, a pre-release before its release and pre-releases by their
 * identifiers; build metadata ignored. A version whose core is not numeric sorts after all others, by text; null last.
 */
public final class VersionOrder implements Comparator<String> {

    public static final VersionOrder INSTANCE = new VersionOrder();

    // Compiled once: String.split compiles a pattern of more than one character on every call, and versions are
    // compared for every apply and gate, thousands of times per drift judgement of a long history.
    private static final Pattern CORE_END = Pattern.compile("[-+]");
    private static final Pattern PART_SEPARATOR = Pattern.compile("[._]");

    private VersionOrder() {}

    @Override
    public int compare(String left, String right) {
        List<BigInteger> a = numericParts(core(left));
        List<BigInteger> b = numericParts(core(right));
        if (a == null || b == null) {
            return a == b ? String.valueOf(left).compareTo(String.valueOf(right)) : (a == null ? 1 : -1);
        }
        int byParts = compareParts(a, b);
        return byParts != 0 ? byParts : comparePreRelease(preRelease(left), preRelease(right));
    }

    /** The numeric parts of a version's core, {@code 1.2} or {@code 1_2} being [1, 2]. */
    public static List<BigInteger> parts(String version) {
        List<BigInteger> parts = numericParts(core(version));
        if (parts == null) {
            throw new IllegalArgumentException("Version " + version + " is not numeric parts separated by . or _");
        }
        return parts;
    }

    /**
     * A key whose unsigned byte order (PostgreSQL's order of {@code bytea}) is this order, equal for versions this order
     * holds equal ({@code 1.0} and {@code 1.0.0}), so that a database finds the highest version through an index.
     */
    public static byte[] sortKey(String version) {
        if (version == null) {
            throw new IllegalArgumentException("A null version has no place in the order to key");
        }
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        List<BigInteger> parts = numericParts(core(version));
        if (parts == null) {
            key.write(2);
            key.writeBytes(version.getBytes(StandardCharsets.UTF_16BE));
            return key.toByteArray();
        }
        key.write(1);
        int significant = parts.size();
        while (significant > 0 && parts.get(significant - 1).signum() == 0) {
            significant--;
        }
        // Each part behind a 1 and the parts closed by a 0: a version with fewer parts sorts first exactly when the
        // parts it lacks (zeros) are smaller than the other's, which trimming the trailing zeros makes always.
        for (BigInteger part : parts.subList(0, significant)) {
            key.write(1);
            writeNumber(key, part);
        }
        key.write(0);
        String preRelease = preRelease(version);
        if (preRelease == null) {
            key.write(2);
            return key.toByteArray();
        }
        key.write(1);
        for (String identifier : preRelease.split("\\.")) {
            key.write(1);
            if (isDigits(identifier)) {
                key.write(1);
                writeNumber(key, new BigInteger(identifier));
            } else {
                key.write(2);
                // UTF-16 code units, as String.compareTo compares them, and a terminator below every character.
                key.writeBytes(identifier.getBytes(StandardCharsets.UTF_16BE));
                key.write(0);
                key.write(0);
            }
        }
        key.write(0);
        return key.toByteArray();
    }

    /** A non-negative number as its length and then its big-endian magnitude, so that byte order is numeric order. */
    private static void writeNumber(ByteArrayOutputStream key, BigInteger number) {
        byte[] magnitude = number.toByteArray();
        int start = 0;
        while (start < magnitude.length && magnitude[start] == 0) {
            start++;
        }
        int length = magnitude.length - start;
        key.write(length >>> 24);
        key.write(length >>> 16);
        key.write(length >>> 8);
        key.write(length);
        key.write(magnitude, start, length);
    }

    private static int compareParts(List<BigInteger> a, List<BigInteger> b) {
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

    /** SemVer 2.0.0 §11: no pre-release ranks higher; else identifier by identifier, numbers below words. */
    private static int comparePreRelease(String left, String right) {
        if (left == null || right == null) {
            return left == right ? 0 : (left == null ? 1 : -1);
        }
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int byIdentifier = compareIdentifier(a[i], b[i]);
            if (byIdentifier != 0) {
                return byIdentifier;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int compareIdentifier(String a, String b) {
        boolean numericA = isDigits(a);
        boolean numericB = isDigits(b);
        if (numericA && numericB) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        return numericA != numericB ? (numericA ? -1 : 1) : a.compareTo(b);
    }

    private static String core(String version) {
        return version == null ? null : CORE_END.split(version, 2)[0];
    }

    private static String preRelease(String version) {
        int plus = version.indexOf('+');
        String withoutBuild = plus < 0 ? version : version.substring(0, plus);
        int dash = withoutBuild.indexOf('-');
        return dash < 0 ? null : withoutBuild.substring(dash + 1);
    }

    private static List<BigInteger> numericParts(String core) {
        if (core == null || core.isEmpty()) {
            return null;
        }
        String[] pieces = PART_SEPARATOR.split(core, -1);
        if (!Arrays.stream(pieces).allMatch(VersionOrder::isDigits)) {
            return null;
        }
        return Arrays.stream(pieces).map(BigInteger::new).toList();
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
