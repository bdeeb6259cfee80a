package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.CreateType;
import org.migrationledger.analysis.change.RemoveEnumValue;

/**
 * PostgreSQL has no DROP VALUE: values disappear either by deleting from pg_enum or by swapping the type for a new
 * one under the old name (rename the old type away, create the new, move columns, drop the old).
 */
final class EnumRemoveValueRule implements Rule {

    @Override
    public String id() {
        return "enum-remove-value";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (change instanceof RemoveEnumValue remove) {
            return List.of(
                    part.finding(
                            id(),
                            Severity.ERROR,
                            "Deletes value '" + remove.value() + "' of enum " + remove.type()
                                    + " straight from pg_enum: rows"
                                    + " still holding it become unreadable; removing a value needs the multi-phase procedure."));
        }
        if (change instanceof CreateType create
                && !create.enumValues().isEmpty()
                && context.wasRenamedType(create.type())) {
            return List.of(part.finding(
                    id(),
                    Severity.ERROR,
                    "Recreates enum " + create.type() + " after renaming the old type away, the swap used to remove"
                            + " enum values: code or rows using a value the new type lacks break; this needs the"
                            + " multi-phase procedure."));
        }
        return List.of();
    }
}
