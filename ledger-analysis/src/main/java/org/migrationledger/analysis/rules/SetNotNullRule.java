package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.SetNotNull;

final class SetNotNullRule implements Rule {

    @Override
    public String id() {
        return "set-not-null";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof SetNotNull set) || context.isNewTable(set.table())) {
            return List.of();
        }
        return List.of(part.finding(
                id(),
                Severity.WARNING,
                "Sets NOT NULL on " + set.table() + "." + set.column() + ": PostgreSQL scans the whole table under"
                        + " ACCESS EXCLUSIVE (add a CHECK (" + set.column() + " IS NOT NULL) NOT VALID and validate it"
                        + " first), and writers still sending NULL start failing."));
    }
}
