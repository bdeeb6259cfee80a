package org.migrationledger.analysis.classify;

import java.util.List;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.CreateIndex;
import org.migrationledger.analysis.change.CreateTable;
import org.migrationledger.analysis.change.CreateType;
import org.migrationledger.analysis.change.LockLevel;
import org.migrationledger.analysis.change.OtherStatement;

/** CREATE statements, read after the word CREATE. */
final class CreateWords {

    private static final String[] TABLE_MODIFIERS = {"temporary", "temp", "unlogged", "global", "local"};

    private CreateWords() {}

    static List<Change> read(Words words) {
        words.accept("or", "replace");
        boolean unique = words.accept("unique");
        if (words.accept("index")) {
            return List.of(index(words, unique));
        }
        skipTableModifiers(words);
        if (words.accept("table")) {
            words.accept("if", "not", "exists");
            String table = words.name();
            return List.of(new CreateTable(table, WordLists.namesAfter(words, "references")));
        }
        if (words.accept("type")) {
            String type = words.name();
            boolean isEnum = words.accept("as", "enum");
            return List.of(new CreateType(type, isEnum ? WordLists.stringLiterals(words) : List.of()));
        }
        if (words.accept("trigger") || words.accept("constraint", "trigger")) {
            words.skipPast("on");
            return List.of(new OtherStatement(
                    "CREATE TRIGGER", KeywordChangeReader.locks(words.name(), LockLevel.SHARE_ROW_EXCLUSIVE)));
        }
        return List.of(new OtherStatement("CREATE " + KeywordChangeReader.leadingWords(words), List.of()));
    }

    private static void skipTableModifiers(Words words) {
        boolean skipped = true;
        while (skipped) {
            skipped = false;
            for (String modifier : TABLE_MODIFIERS) {
                skipped |= words.accept(modifier);
            }
        }
    }

    private static Change index(Words words, boolean unique) {
        boolean concurrently = words.accept("concurrently");
        words.accept("if", "not", "exists");
        String name = words.is("on") ? null : words.name();
        words.accept("on");
        words.accept("only");
        return new CreateIndex(words.name(), name, unique, concurrently);
    }
}
