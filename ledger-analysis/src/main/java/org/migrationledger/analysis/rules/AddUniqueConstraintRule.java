package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.AddConstraint;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.ConstraintKind;

final class AddUniqueConstraintRule implements Rule {

    @Override
    public String id() {
        return "add-unique-constraint";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof AddConstraint add) || add.usingIndex() || context.isNewTable(add.table())) {
            return List.of();
        }
        if (add.kind() != ConstraintKind.UNIQUE && add.kind() != ConstraintKind.PRIMARY_KEY) {
            return List.of();
        }
        String kind = add.kind() == ConstraintKind.UNIQUE ? "unique constraint" : "primary key";
        return List.of(part.finding(
                id(),
                Severity.WARNING,
                "Adds " + kind + (add.name() == null ? "" : " " + add.name()) + " on existing table " + add.table()
                        + ": builds its index under ACCESS EXCLUSIVE and fails on duplicates; build a unique index"
                        + " CONCURRENTLY first and add the constraint USING INDEX."));
    }
}
