package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.DropType;

final class DropTypeRule implements Rule {

    @Override
    public String id() {
        return "drop-type";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof DropType drop) || context.isNewType(drop.type())) {
            return List.of();
        }
        return List.of(part.finding(
                id(),
                Severity.ERROR,
                "Drops type " + drop.type() + ": for an enum every value goes with it, and columns, functions or"
                        + " code still using the type break."));
    }
}
