package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.DropColumn;

final class DropColumnRule implements Rule {

    @Override
    public String id() {
        return "drop-column";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof DropColumn drop) || context.isNewTable(drop.table())) {
            return List.of();
        }
        return List.of(part.finding(
                id(),
                Severity.ERROR,
                "Drops column " + drop.table() + "." + drop.column() + " and its data; the running application"
                        + " version must no longer read or write it (contract only after the deprecation period)."));
    }
}
