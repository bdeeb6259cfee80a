package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.AddColumn;
import org.migrationledger.analysis.change.AddConstraint;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.ConstraintKind;

/** A new foreign key blocks writes on both tables, so it matters even when the referencing table is quiet. */
final class AddForeignKeyRule implements Rule {

    @Override
    public String id() {
        return "add-foreign-key";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (change instanceof AddConstraint add
                && add.kind() == ConstraintKind.FOREIGN_KEY
                && !context.isNewTable(add.table())) {
            Severity severity = add.notValid() ? Severity.INFO : Severity.WARNING;
            String scan = add.notValid() ? " briefly (NOT VALID skips the scan)" : " while it checks every row";
            return List.of(part.finding(id(), severity, sentence(add.table(), add.referencedTable(), scan)));
        }
        if (change instanceof AddColumn column
                && column.referencedTable() != null
                && !context.isNewTable(column.table())) {
            String scan = " briefly (the new column holds only NULLs, so there is nothing to check)";
            return List.of(part.finding(id(), Severity.INFO, sentence(column.table(), column.referencedTable(), scan)));
        }
        return List.of();
    }

    private static String sentence(String table, String referenced, String scan) {
        String tables = referenced == null ? table : table + " and " + referenced;
        return "Adds a foreign key from " + table + (referenced == null ? "" : " to " + referenced) + ": SHARE ROW"
                + " EXCLUSIVE on " + tables + " blocks their writes" + scan + ".";
    }
}
