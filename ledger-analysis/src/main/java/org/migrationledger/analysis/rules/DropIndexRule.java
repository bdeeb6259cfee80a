package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.DropIndex;

final class DropIndexRule implements Rule {

    @Override
    public String id() {
        return "drop-index-without-concurrently";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof DropIndex drop) || drop.concurrently() || context.isNewRelation(drop.name())) {
            return List.of();
        }
        return List.of(part.finding(
                id(),
                Severity.WARNING,
                "Drops index " + drop.name() + " without CONCURRENTLY: ACCESS EXCLUSIVE on its table blocks reads"
                        + " and writes while waiting for running queries."));
    }
}
