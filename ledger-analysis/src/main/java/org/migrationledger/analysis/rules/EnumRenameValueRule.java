package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.RenameEnumValue;

final class EnumRenameValueRule implements Rule {

    @Override
    public String id() {
        return "enum-rename-value";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof RenameEnumValue rename) || context.isNewType(rename.type())) {
            return List.of();
        }
        return List.of(part.finding(
                id(),
                Severity.ERROR,
                "Renames value '" + rename.value() + "' of enum " + rename.type() + " to '" + rename.newValue()
                        + "': code still writing '" + rename.value() + "' fails; renaming or removing an enum value"
                        + " needs the multi-phase procedure (add the new value, migrate rows and code, then retire"
                        + " the old)."));
    }
}
