package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.Truncate;

final class TruncateRule implements Rule {

    @Override
    public String id() {
        return "truncate";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof Truncate truncate) || context.isNewTable(truncate.table())) {
            return List.of();
        }
        return List.of(part.finding(
                id(),
                Severity.WARNING,
                "Truncates " + truncate.table() + ": every row is gone (only a backup restores them) and ACCESS"
                        + " EXCLUSIVE blocks all reads and writes meanwhile."));
    }
}
