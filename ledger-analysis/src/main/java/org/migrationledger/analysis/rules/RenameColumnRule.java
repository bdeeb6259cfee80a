package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.RenameColumn;

final class RenameColumnRule implements Rule {

    @Override
    public String id() {
        return "rename-column";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof RenameColumn rename) || context.isNewTable(rename.table())) {
            return List.of();
        }
        return List.of(part.finding(
                id(),
                Severity.ERROR,
                "Renames column " + rename.table() + "." + rename.column() + " to " + rename.newName()
                        + "; old code using the old name breaks (add the new column, backfill, then drop the old)."));
    }
}
