package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.RenameType;

final class RenameTypeRule implements Rule {

    @Override
    public String id() {
        return "rename-type";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof RenameType rename) || context.isNewType(rename.type())) {
            return List.of();
        }
        return List.of(part.finding(
                id(),
                Severity.ERROR,
                "Renames type " + rename.type() + " to " + rename.newName() + ": casts and code naming " + rename.type()
                        + " break."));
    }
}
