package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.AddColumn;
import org.migrationledger.analysis.change.Change;

/** Since PostgreSQL 11 a constant default is free; a per-row one still rewrites the whole table. */
final class AddColumnVolatileDefaultRule implements Rule {

    @Override
    public String id() {
        return "add-column-with-volatile-default";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof AddColumn add) || !add.volatileDefault() || context.isNewTable(add.table())) {
            return List.of();
        }
        return List.of(part.finding(
                id(),
                Severity.WARNING,
                "Adds column " + add.table() + "." + add.column() + " with a per-row (volatile, serial or generated)"
                        + " value: PostgreSQL rewrites the whole table under ACCESS EXCLUSIVE."));
    }
}
