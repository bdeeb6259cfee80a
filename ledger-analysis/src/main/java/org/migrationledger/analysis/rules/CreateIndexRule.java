package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.CreateIndex;

final class CreateIndexRule implements Rule {

    @Override
    public String id() {
        return "create-index-without-concurrently";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof CreateIndex index) || index.concurrently() || context.isNewTable(index.table())) {
            return List.of();
        }
        String name = index.name() == null ? "an index" : "index " + index.name();
        return List.of(part.finding(
                id(),
                Severity.WARNING,
                "Creates " + name + " on " + index.table() + " without CONCURRENTLY: the SHARE lock blocks every"
                        + " insert, update and delete on " + index.table() + " until the build finishes."));
    }
}
