package org.migrationledger.analysis.rules;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether ALTER COLUMN ... TYPE rewrites the table. PostgreSQL skips the rewrite only for binary-coercible changes
 * that cannot invalidate a stored value: widening or removing a varchar/numeric/varbit limit, varchar to text,
 * cidr to inet. Anything else (int to bigint, text to jsonb, ...) rewrites the table and rebuilds its indexes.
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
            Map.entry("bit varying", "varbit"));

    private static final Pattern SIZED = Pattern.compile("([a-z0-9_ ]+?)(?:\\((\\d+)(?:,(\\d+))?\\))?");

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
        boolean toText = to.base().equals("text") && from.base().equals("varchar");
        boolean sameBase = from.base().equals(to.base());
        boolean limitWidened = sameBase
                && (from.base().equals("varchar")
                        || from.base().equals("varbit")
                        || from.base().equals("numeric"))
                && (to.length() == null
                        || (from.length() != null
                                && to.length() >= from.length()
                                && java.util.Objects.equals(from.scale(), to.scale())));
        boolean inet = from.base().equals("cidr") && to.base().equals("inet");
        return toText || limitWidened || inet;
    }

    private record Sized(String base, Integer length, Integer scale) {

        static Sized of(String type) {
            Matcher matcher = SIZED.matcher(type.trim().toLowerCase(java.util.Locale.ROOT));
            if (!matcher.matches()) {
                return new Sized(type.trim().toLowerCase(java.util.Locale.ROOT), null, null);
            }
            String base = ALIASES.getOrDefault(
                    matcher.group(1).trim(), matcher.group(1).trim());
            return new Sized(base, integer(matcher.group(2)), integer(matcher.group(3)));
        }

        private static Integer integer(String digits) {
            return digits == null ? null : Integer.valueOf(digits);
        }
    }
}
