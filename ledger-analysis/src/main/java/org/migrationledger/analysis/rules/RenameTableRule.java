package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.RenameTable;

final class RenameTableRule implements Rule {

    @Override
    public String id() {
        return "rename-table";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof RenameTable rename) || context.isNewTable(rename.table())) {
            return List.of();
        }
        return List.of(part.finding(
                id(),
                Severity.ERROR,
                "Renames table " + rename.table() + " to " + rename.newName() + "; every query using the old name"
                        + " fails until the application is deployed with the new one."));
    }
}
