package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.AddColumn;
import org.migrationledger.analysis.change.Change;

final class AddNotNullColumnRule implements Rule {

    @Override
    public String id() {
        return "add-not-null-column-without-default";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof AddColumn add)
                || !add.notNull()
                || add.hasDefault()
                || context.isNewTable(add.table())) {
            return List.of();
        }
        return List.of(part.finding(
                id(),
                Severity.ERROR,
                "Adds NOT NULL column " + add.table() + "." + add.column() + " without a default: it fails on a"
                        + " table with rows, and inserts from the running application version fail (add it nullable,"
                        + " backfill, then set NOT NULL)."));
    }
}
