package org.migrationledger.analysis.classify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.Names;
import org.migrationledger.analysis.change.RemoveEnumValue;
import org.migrationledger.analysis.change.WriteRows;

/** INSERT, UPDATE, DELETE and MERGE, also behind a WITH clause; null for anything else. */
final class DmlWords {

    private static final Pattern ENUM_LABEL = Pattern.compile("enumlabel\\s*=\\s*'([^']*)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENUM_TYPE = Pattern.compile("'([^']+)'\\s*::\\s*regtype", Pattern.CASE_INSENSITIVE);

    private DmlWords() {}

    static Change read(Words words) {
        if (words.accept("with")) {
            words.moveTo(words.indexOfTopLevel("insert", "update", "delete", "merge"));
        }
        if (words.accept("update")) {
            return new WriteRows(WriteRows.Kind.UPDATE, target(words), words.containsAtTopLevel("where"));
        }
        if (words.accept("delete", "from")) {
            String rest = words.rest();
            String table = target(words);
            boolean filtered = words.containsAtTopLevel("where");
            return isPgEnum(table) ? removeEnumValue(rest) : new WriteRows(WriteRows.Kind.DELETE, table, filtered);
        }
        if (words.accept("insert", "into")) {
            return new WriteRows(WriteRows.Kind.INSERT, target(words), true);
        }
        if (words.accept("merge", "into")) {
            return new WriteRows(WriteRows.Kind.MERGE, target(words), true);
        }
        return null;
    }

    static boolean isPgEnum(String table) {
        return table != null && Names.unqualified(table).equals("pg_enum");
    }

    /** Deleting from pg_enum is how people remove an enum value PostgreSQL offers no command for. */
    static Change removeEnumValue(String statement) {
        Matcher label = ENUM_LABEL.matcher(statement);
        Matcher type = ENUM_TYPE.matcher(statement);
        return new RemoveEnumValue(
                type.find() ? Names.normalize(type.group(1)) : "(unknown type)",
                label.find() ? label.group(1) : "(unknown value)");
    }

    private static String target(Words words) {
        words.accept("only");
        return words.name();
    }
}
