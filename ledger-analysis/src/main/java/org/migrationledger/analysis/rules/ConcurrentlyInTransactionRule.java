package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.CreateIndex;
import org.migrationledger.analysis.change.DropIndex;

final class ConcurrentlyInTransactionRule implements Rule {

    @Override
    public String id() {
        return "concurrently-in-transaction";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        String operation = concurrentOperation(change);
        if (operation == null || !context.runsInTransaction(part)) {
            return List.of();
        }
        String why = part.explicitTransaction()
                ? "it runs inside the script's BEGIN ... COMMIT block"
                : "the runner executes this script in one transaction (or refuses it, as Flyway does for scripts"
                        + " mixing transactional and non-transactional statements)";
        return List.of(part.finding(
                id(),
                Severity.WARNING,
                operation + " cannot run inside a transaction block and will fail: " + why
                        + "; put it in a migration of its own that runs outside a transaction."));
    }

    private static String concurrentOperation(Change change) {
        if (change instanceof CreateIndex create && create.concurrently()) {
            return "CREATE INDEX CONCURRENTLY on " + create.table();
        }
        if (change instanceof DropIndex drop && drop.concurrently()) {
            return "DROP INDEX CONCURRENTLY " + drop.name();
        }
        return null;
    }
}
