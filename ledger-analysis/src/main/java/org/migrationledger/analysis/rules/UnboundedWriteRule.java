package org.migrationledger.analysis.rules;

import java.util.List;
import java.util.Locale;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.WriteRows;

/** UPDATE or DELETE of every row in one statement: one long transaction holding every row lock at once. */
final class UnboundedWriteRule implements Rule {

    private final WriteRows.Kind kind;

    UnboundedWriteRule(WriteRows.Kind kind) {
        this.kind = kind;
    }

    @Override
    public String id() {
        return "unbounded-" + kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (!(change instanceof WriteRows write)
                || write.kind() != kind
                || write.filtered()
                || context.isNewTable(write.table())) {
            return List.of();
        }
        String verb = kind == WriteRows.Kind.UPDATE ? "Updates" : "Deletes";
        return List.of(part.finding(
                id(),
                Severity.WARNING,
                verb + " every row of " + write.table() + " in one statement without WHERE: it holds a lock on each"
                        + " row until commit and bloats the table; backfill in bounded batches instead."));
    }
}
