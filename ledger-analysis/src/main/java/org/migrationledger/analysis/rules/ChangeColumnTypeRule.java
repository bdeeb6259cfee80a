package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.ChangeColumnType;
import org.migrationledger.analysis.rules.TypeChange.Verdict;

final class ChangeColumnTypeRule implements Rule {

    @Override
    public String id() {
        return "change-column-type";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof ChangeColumnType type) || context.isNewTable(type.table())) {
            return List.of();
        }
        String oldType = context.knownColumnType(type.table(), type.column());
        Verdict verdict = TypeChange.classify(oldType, type.newType());
        String basis = context.knownColumnTypeSource(type.table(), type.column())
                .map(source -> " (the type in " + source + ")")
                .orElse("");
        String described = oldType == null ? null : oldType + basis;
        return List.of(part.finding(id(), severity(verdict), reason(verdict, type, described)));
    }

    private static Severity severity(Verdict verdict) {
        return switch (verdict) {
            case SAME_TYPE -> Severity.INFO;
            case WIDENING_WITHOUT_REWRITE -> Severity.WARNING;
            case REWRITE, UNKNOWN_SOURCE -> Severity.ERROR;
        };
    }

    private static String reason(Verdict verdict, ChangeColumnType type, String oldType) {
        String column = type.table() + "." + type.column();
        return switch (verdict) {
            case SAME_TYPE ->
                "Re-declares " + column + " as " + type.newType()
                        + ", the type it already has: no rewrite, a brief ACCESS EXCLUSIVE lock.";
            case WIDENING_WITHOUT_REWRITE ->
                "Widens " + column + " from " + oldType + " to " + type.newType()
                        + ": binary compatible, no table rewrite, but ACCESS EXCLUSIVE while the catalog changes.";
            case REWRITE ->
                "Changes " + column + " from " + oldType + " to " + type.newType() + ": rewrites the"
                        + " table and rebuilds its indexes under ACCESS EXCLUSIVE, and code expecting the old type breaks.";
            case UNKNOWN_SOURCE -> unknownSource(column, type.newType());
        };
    }

    private static String unknownSource(String column, String newType) {
        String exception = TypeChange.isStringType(newType)
                ? "unless it already is " + newType + " or a varchar being widened,"
                : "unless it already is " + newType + ",";
        return "Changes the type of " + column + " to " + newType + ": rewrites the table under ACCESS EXCLUSIVE "
                + exception + " and code expecting the old type breaks.";
    }
}
