package org.migrationledger.analysis.rules;

import java.util.ArrayList;
import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.AddEnumValue;
import org.migrationledger.analysis.change.Change;

/**
 * Adding an enum value is non-breaking, but PostgreSQL refuses to use the new value before the transaction that
 * added it commits ("unsafe use of new value"), so a later statement in the same transaction using it fails.
 */
final class EnumAddValueRule implements Rule {

    @Override
    public String id() {
        return "enum-add-value";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        List<Finding> findings = new ArrayList<>();
        if (change instanceof AddEnumValue add && !context.isNewType(add.type())) {
            findings.add(part.finding(
                    id(),
                    Severity.INFO,
                    "Adds value '" + add.value() + "' to enum " + add.type() + ": safe for running code, but the value"
                            + " cannot be used until this transaction commits (before PostgreSQL 12, ADD VALUE cannot"
                            + " run inside a transaction block at all)."));
        }
        // The text is the same for every change of a statement, so look at it once.
        if (change == part.changes().get(0)) {
            findings.addAll(usesOfNewValues(part, context));
        }
        return findings;
    }

    private List<Finding> usesOfNewValues(AnalyzedPart part, ScriptContext context) {
        return context.enumValuesAddedIn(part.transactionUnit()).stream()
                .filter(added -> added.statementIndex() < part.index())
                .filter(added -> part.text().contains("'" + added.value() + "'"))
                .map(added -> part.finding(
                        id(),
                        Severity.WARNING,
                        "Uses enum value '" + added.value() + "' of " + added.type() + " that statement "
                                + added.statementIndex() + " adds in the same transaction: PostgreSQL rejects it"
                                + " (unsafe use of new value); move the use to a later migration."))
                .toList();
    }
}
