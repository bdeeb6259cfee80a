package org.migrationledger.analysis.classify;

import java.util.List;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.ChangeColumnDefault;
import org.migrationledger.analysis.change.ChangeColumnType;
import org.migrationledger.analysis.change.DropColumn;
import org.migrationledger.analysis.change.DropConstraint;
import org.migrationledger.analysis.change.DropNotNull;
import org.migrationledger.analysis.change.LockLevel;
import org.migrationledger.analysis.change.Names;
import org.migrationledger.analysis.change.OtherTableChange;
import org.migrationledger.analysis.change.RenameColumn;
import org.migrationledger.analysis.change.RenameTable;
import org.migrationledger.analysis.change.SetNotNull;
import org.migrationledger.analysis.change.ValidateConstraint;

/** Classifies one ALTER TABLE sub-command from its words. */
final class AlterTableActions {

    private AlterTableActions() {}

    static Change read(String table, Words words) {
        if (words.accept("add")) {
            return ConstraintSpec.startsConstraint(words)
                    ? ConstraintSpec.read(table, words)
                    : ColumnSpec.read(table, words);
        }
        if (words.accept("drop")) {
            return drop(table, words);
        }
        if (words.accept("rename")) {
            return rename(table, words);
        }
        if (words.is("alter") && !words.is("alter", "constraint")) {
            words.next();
            words.accept("column");
            return alterColumn(table, words.name(), words);
        }
        if (words.accept("validate", "constraint")) {
            return new ValidateConstraint(table, words.name());
        }
        return other(table, words);
    }

    private static Change drop(String table, Words words) {
        if (words.accept("constraint")) {
            words.accept("if", "exists");
            return new DropConstraint(table, words.name());
        }
        words.accept("column");
        words.accept("if", "exists");
        return new DropColumn(table, words.name());
    }

    private static Change rename(String table, Words words) {
        if (words.accept("to")) {
            return new RenameTable(table, words.name());
        }
        if (words.is("constraint")) {
            return new OtherTableChange(table, "rename " + words.rest(), LockLevel.ACCESS_EXCLUSIVE);
        }
        words.accept("column");
        String column = words.name();
        words.accept("to");
        return new RenameColumn(table, column, words.name());
    }

    private static Change alterColumn(String table, String column, Words words) {
        if (words.accept("type") || words.accept("set", "data", "type")) {
            String type = words.textUpTo(words.indexOfTopLevel("using", "collate"));
            return new ChangeColumnType(table, column, Names.normalizeType(type));
        }
        if (words.accept("set", "not", "null")) {
            return new SetNotNull(table, column);
        }
        if (words.accept("drop", "not", "null")) {
            return new DropNotNull(table, column);
        }
        if (words.is("set", "default") || words.is("drop", "default")) {
            return new ChangeColumnDefault(table, column, words.is("set"));
        }
        boolean light = words.is("set", "statistics") || words.is("set", "(") || words.is("reset");
        LockLevel lock = light ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE;
        return new OtherTableChange(table, "alter column " + column + " " + words.rest(), lock);
    }

    private static Change other(String table, Words words) {
        return new OtherTableChange(table, words.rest().toLowerCase(java.util.Locale.ROOT), lockFor(words));
    }

    /** Lock levels of the lighter sub-commands, from the ALTER TABLE reference page; all others are ACCESS EXCLUSIVE. */
    private static LockLevel lockFor(Words words) {
        List<List<String>> shareUpdateExclusive = List.of(
                List.of("set", "("),
                List.of("reset"),
                List.of("cluster", "on"),
                List.of("set", "without", "cluster"),
                List.of("set", "statistics"),
                List.of("attach", "partition"),
                List.of("detach", "partition"));
        List<List<String>> shareRowExclusive =
                List.of(List.of("enable", "trigger"), List.of("disable", "trigger"), List.of("enable", "replica"));
        if (shareUpdateExclusive.stream().anyMatch(seq -> words.is(seq.toArray(String[]::new)))) {
            return LockLevel.SHARE_UPDATE_EXCLUSIVE;
        }
        if (shareRowExclusive.stream().anyMatch(seq -> words.is(seq.toArray(String[]::new)))) {
            return LockLevel.SHARE_ROW_EXCLUSIVE;
        }
        return LockLevel.ACCESS_EXCLUSIVE;
    }
}
