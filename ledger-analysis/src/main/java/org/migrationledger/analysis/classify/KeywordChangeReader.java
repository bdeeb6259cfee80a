package org.migrationledger.analysis.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.LockLevel;
import org.migrationledger.analysis.change.OtherStatement;
import org.migrationledger.analysis.change.SetSetting;
import org.migrationledger.analysis.change.TableLock;
import org.migrationledger.analysis.change.Truncate;
import org.migrationledger.analysis.change.Unrecognised;

/**
 * The fallback classifier: reads a statement JSqlParser rejected by its leading keywords, the way a reviewer skims
 * it. It knows the shapes migrations use, not the whole grammar, so what it reports is marked as not parsed.
 */
public final class KeywordChangeReader {

    private static final Set<String> STATEMENT_WORDS = Set.of(
            "grant",
            "revoke",
            "select",
            "with",
            "create",
            "alter",
            "drop",
            "comment",
            "analyze",
            "analyse",
            "security",
            "reset",
            "show",
            "notify",
            "listen",
            "discard",
            "call",
            "execute",
            "prepare",
            "deallocate",
            "declare",
            "fetch",
            "copy",
            "explain",
            "import",
            "load",
            "reassign",
            "savepoint",
            "release",
            "values",
            "checkpoint",
            "do",
            "perform",
            "raise");
    private static final Set<String> LIST_NOISE = Set.of("if", "not", "exists", "or", "replace");

    private KeywordChangeReader() {}

    public static List<Change> read(String statement) {
        Words words = new Words(statement);
        List<Change> schemaChanges = schemaChanges(words);
        if (schemaChanges != null) {
            return schemaChanges;
        }
        if (words.accept("truncate")) {
            words.accept("table");
            words.accept("only");
            return WordLists.names(words).stream()
                    .map(t -> (Change) new Truncate(t))
                    .toList();
        }
        if (words.accept("set")) {
            return List.of(setting(words));
        }
        return List.of(otherStatement(words));
    }

    private static List<Change> schemaChanges(Words words) {
        if (words.accept("alter", "table")) {
            return alterTable(words);
        }
        if (words.accept("alter", "type")) {
            return List.of(TypeWords.alterType(words));
        }
        if (words.accept("alter", "index")) {
            words.accept("if", "exists");
            return List.of(new OtherStatement("ALTER INDEX", locks(words.name(), LockLevel.SHARE_UPDATE_EXCLUSIVE)));
        }
        if (words.accept("create")) {
            return CreateWords.read(words);
        }
        return words.accept("drop") ? DropWords.read(words) : null;
    }

    private static List<Change> alterTable(Words words) {
        words.accept("if", "exists");
        words.accept("only");
        String table = words.name();
        words.accept("*");
        return words.splitAtTopLevelCommas().stream()
                .map(action -> AlterTableActions.read(table, action))
                .toList();
    }

    private static Change setting(Words words) {
        if (!words.accept("session")) {
            words.accept("local");
        }
        String name = words.name();
        if (!words.accept("=")) {
            words.accept("to");
        }
        return new SetSetting(name, words.rest());
    }

    private static Change otherStatement(Words words) {
        Change dml = DmlWords.read(words);
        Change change = dml != null ? dml : MaintenanceWords.read(words);
        if (change != null) {
            return change;
        }
        String first = words.peek();
        if (first.equals("execute")) {
            return new OtherStatement("EXECUTE (dynamic SQL, not inspected)", List.of());
        }
        if (STATEMENT_WORDS.contains(first)) {
            String kind = leadingWords(words);
            return new OtherStatement(kind, commentLocks(words));
        }
        return new Unrecognised(leadingWords(words));
    }

    /** COMMENT ON TABLE/COLUMN takes SHARE UPDATE EXCLUSIVE on the table. */
    private static List<TableLock> commentLocks(Words words) {
        if (!words.accept("comment", "on")) {
            return List.of();
        }
        boolean column = words.accept("column");
        if (!column && !words.accept("table")) {
            return List.of();
        }
        String name = words.name();
        String table = column && name != null ? name.substring(0, Math.max(0, name.lastIndexOf('.'))) : name;
        return locks(table == null || table.isEmpty() ? null : table, LockLevel.SHARE_UPDATE_EXCLUSIVE);
    }

    static List<TableLock> locks(String relation, LockLevel level) {
        return relation == null ? List.of() : List.of(new TableLock(relation, level));
    }

    /** Up to two leading keywords, e.g. {@code GRANT SELECT} or {@code FUNCTION}, for labelling a statement. */
    static String leadingWords(Words words) {
        List<String> lead = new ArrayList<>();
        for (String part : words.rest().split("\\s+")) {
            boolean keyword = part.matches("[A-Za-z_]+") && !LIST_NOISE.contains(part.toLowerCase(Locale.ROOT));
            if (!keyword || lead.size() == 2) {
                break;
            }
            lead.add(part.toUpperCase(Locale.ROOT));
        }
        return lead.isEmpty() ? words.peek().toUpperCase(Locale.ROOT) : String.join(" ", lead);
    }
}
