package org.migrationledger.analysis.classify;

import java.util.List;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.DropIndex;
import org.migrationledger.analysis.change.DropTable;
import org.migrationledger.analysis.change.DropType;
import org.migrationledger.analysis.change.LockLevel;
import org.migrationledger.analysis.change.OtherStatement;
import org.migrationledger.analysis.change.TableLock;

/** DROP statements, read after the word DROP. */
final class DropWords {

    private DropWords() {}

    static List<Change> read(Words words) {
        if (words.accept("table")) {
            words.accept("if", "exists");
            return WordLists.names(words).stream()
                    .map(t -> (Change) new DropTable(t))
                    .toList();
        }
        if (words.accept("index")) {
            boolean concurrently = words.accept("concurrently");
            words.accept("if", "exists");
            return WordLists.names(words).stream()
                    .map(i -> (Change) new DropIndex(i, concurrently))
                    .toList();
        }
        if (words.accept("type")) {
            words.accept("if", "exists");
            return WordLists.names(words).stream()
                    .map(t -> (Change) new DropType(t))
                    .toList();
        }
        return List.of(otherObject(words));
    }

    /** Views and sequences are relations, so dropping them takes ACCESS EXCLUSIVE; other objects hold no data. */
    private static Change otherObject(Words words) {
        String kind = "DROP " + KeywordChangeReader.leadingWords(words);
        boolean relation = words.is("view") || words.is("materialized", "view") || words.is("sequence");
        if (!relation) {
            return new OtherStatement(kind, List.of());
        }
        words.accept("materialized");
        words.next();
        words.accept("if", "exists");
        List<TableLock> locks = WordLists.names(words).stream()
                .map(name -> new TableLock(name, LockLevel.ACCESS_EXCLUSIVE))
                .toList();
        return new OtherStatement(kind, locks);
    }
}
