package org.migrationledger.analysis.rules;

import org.migrationledger.analysis.Category;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.ChangeColumnType;
import org.migrationledger.analysis.change.DropColumn;
import org.migrationledger.analysis.change.DropTable;
import org.migrationledger.analysis.change.DropType;
import org.migrationledger.analysis.change.RemoveEnumValue;
import org.migrationledger.analysis.change.RenameColumn;
import org.migrationledger.analysis.change.RenameEnumValue;
import org.migrationledger.analysis.change.RenameTable;
import org.migrationledger.analysis.change.RenameType;
import org.migrationledger.analysis.change.SetNotNull;
import org.migrationledger.analysis.change.Truncate;
import org.migrationledger.analysis.change.WriteRows;

/**
 * The expand/migrate/contract phase of single changes, after the seeds: contract removes or renames what old code
 * uses, migrate moves data in tables that already exist, everything else expands. Changes to objects the script
 * itself created stay in expand: nobody depends on them yet.
 */
final class PhaseInference {

    private PhaseInference() {}

    static Category of(Change change, ScriptContext context) {
        if (contracts(change, context)) {
            return Category.CONTRACT;
        }
        if (change instanceof WriteRows write && !context.isNewTable(write.table())) {
            return Category.MIGRATE;
        }
        if (change instanceof Truncate truncate && !context.isNewTable(truncate.table())) {
            return Category.MIGRATE;
        }
        if (change instanceof SetNotNull set && !context.isNewTable(set.table())) {
            return Category.MIGRATE;
        }
        return Category.EXPAND;
    }

    /** Whether the change loses data that a down script cannot bring back. */
    static boolean destroysData(Change change, ScriptContext context) {
        if (change instanceof DropTable drop) {
            return !context.isNewTable(drop.table());
        }
        if (change instanceof DropColumn drop) {
            return !context.isNewTable(drop.table());
        }
        if (change instanceof Truncate truncate) {
            return !context.isNewTable(truncate.table());
        }
        if (change instanceof WriteRows write && write.kind() == WriteRows.Kind.DELETE) {
            return !context.isNewTable(write.table());
        }
        return change instanceof RemoveEnumValue
                || (change instanceof DropType drop && !context.isNewType(drop.type()));
    }

    /** An in-place type change retires the old representation, unless it provably keeps every value as is. */
    private static boolean replacesRepresentation(ChangeColumnType type, ScriptContext context) {
        String oldType = context.knownColumnType(type.table(), type.column());
        TypeChange.Verdict verdict = TypeChange.classify(oldType, type.newType());
        boolean harmless =
                verdict == TypeChange.Verdict.SAME_TYPE || verdict == TypeChange.Verdict.WIDENING_WITHOUT_REWRITE;
        return !harmless && !context.isNewTable(type.table());
    }

    private static boolean contracts(Change change, ScriptContext context) {
        if (change instanceof DropTable drop) {
            return !context.isNewTable(drop.table());
        }
        if (change instanceof DropColumn drop) {
            return !context.isNewTable(drop.table());
        }
        if (change instanceof RenameTable rename) {
            return !context.isNewTable(rename.table());
        }
        if (change instanceof RenameColumn rename) {
            return !context.isNewTable(rename.table());
        }
        if (change instanceof ChangeColumnType type) {
            return replacesRepresentation(type, context);
        }
        return change instanceof RemoveEnumValue
                || change instanceof RenameEnumValue
                || change instanceof RenameType
                || (change instanceof DropType drop && !context.isNewType(drop.type()));
    }
}
