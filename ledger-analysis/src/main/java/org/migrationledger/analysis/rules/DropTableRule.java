package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.DropTable;

final class DropTableRule implements Rule {

    @Override
    public String id() {
        return "drop-table";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof DropTable drop) || context.isNewTable(drop.table())) {
            return List.of();
        }
        return List.of(part.finding(
                id(),
                Severity.ERROR,
                "Drops table " + drop.table() + " with all its rows; code still reading it breaks and only a backup"
                        + " brings the data back."));
    }
}
