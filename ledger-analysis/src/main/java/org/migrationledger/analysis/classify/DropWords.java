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
            return words.nameList().stream().map(t -> (Change) new DropTable(t)).toList();
        }
        if (words.accept("index")) {
            boolean concurrently = words.accept("concurrently");
            words.accept("if", "exists");
            return words.nameList().stream()
                    .map(i -> (Change) new DropIndex(i, concurrently))
                    .toList();
        }
        if (words.accept("type")) {
            words.accept("if", "exists");
            return words.nameList().stream().map(t -> (Change) new DropType(t)).toList();
        }
        boolean relation = words.is("view") || words.is("materialized", "view") || words.is("sequence");
        String kind = "DROP " + KeywordChangeReader.leadingWords(words);
        if (!relation) {
            return List.of(new OtherStatement(kind, List.of()));
        }
        words.accept("materialized");
        words.next();
        words.accept("if", "exists");
        List<TableLock> locks = words.nameList().stream()
                .map(name -> new TableLock(name, LockLevel.ACCESS_EXCLUSIVE))
                .toList();
        return List.of(new OtherStatement(kind, locks));
    }
}
