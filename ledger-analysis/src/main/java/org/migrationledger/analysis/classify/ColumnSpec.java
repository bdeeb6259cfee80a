package org.migrationledger.analysis.classify;

import java.util.Locale;
import java.util.regex.Pattern;
import org.migrationledger.analysis.change.AddColumn;
import org.migrationledger.analysis.change.Names;

/** Reads a column definition ({@code name type [constraints]}) as written after ADD [COLUMN]. */
final class ColumnSpec {

    /** Defaults PostgreSQL cannot store once in the catalog and must compute for every existing row. */
    private static final Pattern VOLATILE_DEFAULT = Pattern.compile(
            "\\b(gen_random_uuid|uuid_generate_v[14]|random|clock_timestamp|timeofday|nextval|txid_current)\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SERIAL_TYPE = Pattern.compile("(small|big)?serial[248]?", Pattern.CASE_INSENSITIVE);

    private static final String[] CONSTRAINT_WORDS = {
        "not", "null", "default", "constraint", "references", "primary", "unique", "check", "collate", "generated"
    };

    private ColumnSpec() {}

    static AddColumn read(String table, Words words) {
        words.accept("column");
        words.accept("if", "not", "exists");
        String column = words.name();
        String type = Names.normalizeType(words.textUpTo(words.indexOfTopLevel(CONSTRAINT_WORDS)));
        String rest = words.rest();
        boolean notNull = words.containsAtTopLevel("not", "null") || words.containsAtTopLevel("primary", "key");
        boolean hasDefault = words.containsAtTopLevel("default");
        boolean computed = isVolatile(type, rest) || words.containsAtTopLevel("generated");
        String referenced = words.skipPast("references") ? words.name() : null;
        return new AddColumn(table, column, type, notNull, hasDefault || computed, computed, referenced);
    }

    /** Serial types carry a nextval() default, so they count as volatile too. */
    static boolean isVolatile(String type, String definition) {
        boolean serial = type != null
                && SERIAL_TYPE.matcher(type.toLowerCase(Locale.ROOT)).matches();
        return serial || VOLATILE_DEFAULT.matcher(definition).find();
    }
}
