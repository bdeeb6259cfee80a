package org.migrationledger.analysis.rules;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.migrationledger.analysis.change.Names;

/**
 * Whether ALTER COLUMN ... TYPE rewrites the table. PostgreSQL skips the rewrite only when the cast is binary-coercible
 * ({@code pg_cast.castmethod = 'b'}) and any length coercion left is one its support function proves a no-op: a
 * limit widened or removed (varchar, varbit, numeric at the same scale, the fractional seconds of timestamp, time and
 * interval), varchar to text and back to an unlimited varchar, bit to an unlimited varbit, xml to text, cidr to inet.
 * Everything else rewrites the table and rebuilds its indexes: a narrowing, a new limit on an unlimited column, char(n)
 * (its cast trims), int to bigint, json to jsonb, and timestamp to timestamptz (free only in a UTC session, so it is
 * not counted on). {@code TypeChangeAgainstPostgresIT} checks every pair here against a real PostgreSQL.
 */
public final class TypeChange {

    public enum Verdict {
        SAME_TYPE,
        WIDENING_WITHOUT_REWRITE,
        REWRITE,
        UNKNOWN_SOURCE
    }

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("character varying", "varchar"),
            Map.entry("character", "bpchar"),
            Map.entry("char", "bpchar"),
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"),
            Map.entry("bool", "boolean"),
            Map.entry("decimal", "numeric"),
            Map.entry("float8", "double precision"),
            Map.entry("float4", "real"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"),
            Map.entry("time with time zone", "timetz"),
            Map.entry("bit varying", "varbit"));

    /** Types whose limit is checked by a length coercion PostgreSQL drops when the limit grows or goes. */
    private static final Set<String> WIDENABLE_LIMITS =
            Set.of("varchar", "varbit", "numeric", "timestamp", "timestamptz", "time", "timetz", "interval");

    /** Binary-coercible casts to a target without a limit, so no length coercion runs at all. */
    private static final Set<String> RELABELS_TO_UNLIMITED =
            Set.of("varchar>text", "text>varchar", "xml>text", "bit>varbit", "cidr>inet");

    /** A base name, an optional (length[,scale]), and an optional time zone suffix after the precision. */
    private static final Pattern SIZED =
            Pattern.compile("([a-z0-9_ ]+?)(?:\\((\\d+)(?:,(\\d+))?\\))?( with(?:out)? time zone)?");

    private TypeChange() {}

    public static Verdict classify(String oldType, String newType) {
        if (oldType == null) {
            return Verdict.UNKNOWN_SOURCE;
        }
        Sized from = Sized.of(oldType);
        Sized to = Sized.of(newType);
        if (from.equals(to)) {
            return Verdict.SAME_TYPE;
        }
        return widens(from, to) ? Verdict.WIDENING_WITHOUT_REWRITE : Verdict.REWRITE;
    }

    public static boolean isStringType(String type) {
        String base = Sized.of(type).base();
        return base.equals("varchar") || base.equals("text") || base.equals("citext");
    }

    private static boolean widens(Sized from, Sized to) {
        if (from.base().equals(to.base())) {
            return WIDENABLE_LIMITS.contains(from.base()) && limitKeptOrWidened(from, to);
        }
        return to.length() == null && RELABELS_TO_UNLIMITED.contains(from.base() + ">" + to.base());
    }

    private static boolean limitKeptOrWidened(Sized from, Sized to) {
        if (to.length() == null) {
            return true;
        }
        return from.length() != null && to.length() >= from.length() && Objects.equals(from.scale(), to.scale());
    }

    private record Sized(String base, Integer length, Integer scale) {

        static Sized of(String type) {
            String normalized = Names.normalizeType(type);
            Matcher matcher = SIZED.matcher(normalized);
            if (!matcher.matches()) {
                return new Sized(normalized, null, null);
            }
            String written = matcher.group(1).trim() + (matcher.group(4) == null ? "" : matcher.group(4));
            String base = ALIASES.getOrDefault(written, written);
            Integer length = integer(matcher.group(2));
            Integer scale = base.equals("numeric") && length != null && matcher.group(3) == null
                    ? Integer.valueOf(0)
                    : integer(matcher.group(3));
            return new Sized(base, length, scale);
        }

        private static Integer integer(String digits) {
            return digits == null ? null : Integer.valueOf(digits);
        }
    }
}
