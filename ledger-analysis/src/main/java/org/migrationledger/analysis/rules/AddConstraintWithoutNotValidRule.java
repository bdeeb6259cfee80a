package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.AddConstraint;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.ConstraintKind;

/** Only CHECK and FOREIGN KEY accept NOT VALID; unique constraints have their own rule. */
final class AddConstraintWithoutNotValidRule implements Rule {

    @Override
    public String id() {
        return "add-constraint-without-not-valid";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof AddConstraint add) || add.notValid() || context.isNewTable(add.table())) {
            return List.of();
        }
        if (add.kind() != ConstraintKind.CHECK && add.kind() != ConstraintKind.FOREIGN_KEY) {
            return List.of();
        }
        String lock = add.kind() == ConstraintKind.CHECK ? "ACCESS EXCLUSIVE" : "SHARE ROW EXCLUSIVE";
        return List.of(part.finding(
                id(),
                Severity.WARNING,
                "Adds constraint " + label(add) + " on " + add.table() + " and checks every existing row while"
                        + " holding " + lock + "; add it NOT VALID, then VALIDATE CONSTRAINT in a later step."));
    }

    private static String label(AddConstraint add) {
        return add.name() == null ? "(" + add.kind().name().toLowerCase(java.util.Locale.ROOT) + ")" : add.name();
    }
}
