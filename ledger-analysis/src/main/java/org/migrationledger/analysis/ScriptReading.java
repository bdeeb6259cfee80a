package org.migrationledger.analysis;

import java.util.ArrayList;
import java.util.List;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.CreateIndex;
import org.migrationledger.analysis.change.DropIndex;
import org.migrationledger.analysis.change.SetSetting;
import org.migrationledger.analysis.change.Transaction;
import org.migrationledger.analysis.classify.StatementReader;
import org.migrationledger.analysis.classify.StatementReading;
import org.migrationledger.analysis.rules.AnalyzedPart;
import org.migrationledger.analysis.split.SqlStatement;
import org.migrationledger.analysis.split.TemplatePlaceholders;
import org.migrationledger.analysis.split.TransactionControl;

/** Every statement of a script read into changes, with transaction units assigned and unparsed ones reported. */
record ScriptReading(List<AnalyzedPart> parts, List<Finding> unparsedFindings, int statementCount, int unparsedCount) {

    static final String UNPARSED_RULE = "unparsed-statement";

    static ScriptReading of(List<SqlStatement> statements, TemplatePlaceholders placeholders) {
        List<AnalyzedPart> parts = new ArrayList<>();
        List<Finding> unparsed = new ArrayList<>();
        int unit = 0;
        for (SqlStatement statement : statements) {
            unit += statement.control() == TransactionControl.BEGIN ? 1 : 0;
            int statementUnit = statement.inExplicitTransaction() ? unit : 0;
            if (statement.control() != TransactionControl.NONE) {
                Change control = new Transaction(statement.control());
                parts.add(part(statement, statement.text(), true, List.of(control), statementUnit));
                continue;
            }
            StatementReading reading = StatementReader.read(placeholders.substitute(statement.text()));
            parts.addAll(parts(statement, reading, placeholders, statementUnit));
            if (!reading.parsed()) {
                unparsed.add(unparsedFinding(statement, reading));
            }
        }
        return new ScriptReading(parts, unparsed, statements.size(), unparsed.size());
    }

    /** A DO block yields one part per statement found inside it, shown as written there. */
    private static List<AnalyzedPart> parts(
            SqlStatement statement, StatementReading reading, TemplatePlaceholders placeholders, int unit) {
        boolean whole = reading.parts().size() == 1
                && reading.parsed() == reading.parts().get(0).parsed();
        return reading.parts().stream()
                .map(read -> part(
                        statement,
                        whole ? statement.text() : placeholders.restore(read.text()),
                        read.parsed(),
                        read.changes(),
                        unit))
                .toList();
    }

    /** Whether CREATE/DROP INDEX CONCURRENTLY shares the script with statements that need a transaction. */
    boolean mixesConcurrentWithOthers() {
        List<Change> changes = parts.stream().flatMap(p -> p.changes().stream()).toList();
        boolean concurrent = changes.stream().anyMatch(ScriptReading::isConcurrent);
        boolean others = changes.stream()
                .anyMatch(c -> !isConcurrent(c) && !(c instanceof Transaction) && !(c instanceof SetSetting));
        return concurrent && others;
    }

    private static boolean isConcurrent(Change change) {
        return (change instanceof CreateIndex create && create.concurrently())
                || (change instanceof DropIndex drop && drop.concurrently());
    }

    private static AnalyzedPart part(
            SqlStatement statement, String text, boolean parsed, List<Change> changes, int unit) {
        return new AnalyzedPart(statement.index(), text, parsed, changes, unit, statement.inExplicitTransaction());
    }

    private static Finding unparsedFinding(SqlStatement statement, StatementReading reading) {
        List<String> described = reading.parts().stream()
                .flatMap(p -> p.changes().stream())
                .map(Change::describe)
                .toList();
        String reason = "JSqlParser could not parse this statement (" + reading.parserMessage() + "); the keyword"
                + " classifier read it as: " + String.join("; ", described) + ".";
        return new Finding(UNPARSED_RULE, Severity.INFO, statement.index(), statement.text(), reason, false);
    }
}
