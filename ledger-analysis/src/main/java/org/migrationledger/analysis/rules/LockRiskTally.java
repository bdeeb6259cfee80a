package org.migrationledger.analysis.rules;

import java.util.ArrayList;
import java.util.List;
import org.migrationledger.analysis.LockRisk;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.LockLevel;
import org.migrationledger.analysis.change.TableLock;

/** Keeps the strongest lock taken on a relation that existed before the script, and which relations got it. */
final class LockRiskTally {

    private LockLevel strongest = LockLevel.NONE;
    private final List<String> relations = new ArrayList<>();

    void observe(Change change, ScriptContext context) {
        for (TableLock lock : change.locks()) {
            if (lock.relation() == null || context.isNewRelation(lock.relation())) {
                continue;
            }
            if (lock.level().compareTo(strongest) > 0) {
                strongest = lock.level();
                relations.clear();
            }
            if (lock.level() == strongest && !relations.contains(lock.relation())) {
                relations.add(lock.relation());
            }
        }
    }

    LockRisk result() {
        return strongest == LockLevel.NONE ? LockRisk.NONE : new LockRisk(strongest.modeName(), relations);
    }
}
