package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.Severity;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.TableLock;

/**
 * A strong lock request that has to wait queues every later query on the table behind it; lock_timeout makes the
 * migration give up instead of stalling production.
 */
final class MissingLockTimeoutRule implements Rule {

    @Override
    public String id() {
        return "missing-lock-timeout";
    }

    @Override
    public List<Finding> check(Change change, AnalyzedPart part, ScriptContext context) {
        if (context.lockTimeoutSet()) {
            return List.of();
        }
        TableLock lock = change.locks().stream()
                .filter(l -> l.level().blocksWrites() && !context.isNewRelation(l.relation()))
                .findFirst()
                .orElse(null);
        if (lock == null || !context.claimLockTimeoutReport()) {
            return List.of();
        }
        return List.of(part.finding(
                id(),
                Severity.WARNING,
                "Takes " + lock.level().modeName() + " on " + lock.relation() + " without a lock_timeout: if another"
                        + " session holds a lock, all traffic on " + lock.relation() + " queues behind this"
                        + " statement; start the script with SET lock_timeout = '5s'."));
    }
}
