package org.migrationledger.analysis.classify;

import java.util.List;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.CreateIndex;
import org.migrationledger.analysis.change.CreateTable;
import org.migrationledger.analysis.change.CreateType;
import org.migrationledger.analysis.change.LockLevel;
import org.migrationledger.analysis.change.OtherStatement;
import org.migrationledger.analysis.change.TableLock;

/** CREATE statements, read after the word CREATE. */
final class CreateWords {

    private CreateWords() {}

    static List<Change> read(Words words) {
        words.accept("or", "replace");
        boolean unique = words.accept("unique");
        if (words.accept("index")) {
            return List.of(index(words, unique));
        }
        while (words.accept("temporary")
                || words.accept("temp")
                || words.accept("unlogged")
                || words.accept("global")
                || words.accept("local")) {
            // modifiers that do not change what is created
        }
        if (words.accept("table")) {
            words.accept("if", "not", "exists");
            String table = words.name();
            return List.of(new CreateTable(table, words.namesAfterAnywhere("references")));
        }
        if (words.accept("type")) {
            String type = words.name();
            boolean isEnum = words.accept("as", "enum");
            return List.of(new CreateType(type, isEnum ? words.stringLiterals() : List.of()));
        }
        if (words.is("trigger") || words.is("constraint", "trigger")) {
            words.skipPast("on");
            return List.of(new OtherStatement("CREATE TRIGGER", locksOf(words.name())));
        }
        return List.of(new OtherStatement("CREATE " + KeywordChangeReader.leadingWords(words), List.of()));
    }

    private static Change index(Words words, boolean unique) {
        boolean concurrently = words.accept("concurrently");
        words.accept("if", "not", "exists");
        String name = words.is("on") ? null : words.name();
        words.accept("on");
        words.accept("only");
        return new CreateIndex(words.name(), name, unique, concurrently);
    }

    private static List<TableLock> locksOf(String table) {
        return table == null ? List.of() : List.of(new TableLock(table, LockLevel.SHARE_ROW_EXCLUSIVE));
    }
}
