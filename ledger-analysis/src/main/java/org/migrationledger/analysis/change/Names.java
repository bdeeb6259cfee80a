package org.migrationledger.analysis.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Canonical spelling of SQL names, so {@code "Users"}, {@code users} and {@code USERS} compare the way PostgreSQL
 * compares them: unquoted parts fold to lower case, quoted parts keep their case and lose their quotes.
 */
public final class Names {

    private Names() {}

    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                boolean doubled = quoted && i + 1 < raw.length() && raw.charAt(i + 1) == '"';
                if (doubled) {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else if (!Character.isWhitespace(c) || quoted) {
                part.append(quoted ? c : Character.toLowerCase(c));
            }
        }
        parts.add(part.toString());
        return String.join(".", parts);
    }

    /** The last part of a qualified name: {@code auth.users} becomes {@code users}. */
    public static String unqualified(String normalized) {
        int dot = normalized.lastIndexOf('.');
        return dot < 0 ? normalized : normalized.substring(dot + 1);
    }

    /**
     * Whether two normalised names may denote the same relation; an unqualified name matches any schema because the
     * search path is unknown here.
     */
    public static boolean sameRelation(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        boolean eitherUnqualified = a.indexOf('.') < 0 || b.indexOf('.') < 0;
        return eitherUnqualified && unqualified(a).equals(unqualified(b));
    }

    /** Type names compare case-insensitively and without inner spaces: {@code VARCHAR (32)} is {@code varchar(32)}. */
    public static String normalizeType(String type) {
        return type == null
                ? null
                : type.replaceAll("\\s+", " ")
                        .replaceAll(" ?\\( ?", "(")
                        .replaceAll(" ?\\)", ")")
                        .replaceAll(" ?, ?", ",")
                        .trim()
                        .toLowerCase(Locale.ROOT);
    }
}
