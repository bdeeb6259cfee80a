package org.migrationledger.analysis.rules;

import java.util.ArrayList;
import java.util.List;
import org.migrationledger.analysis.Category;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.change.Change;

/** Runs every rule over a script's changes in order, so each rule sees only what came before. */
public final class ScriptWalk {

    private ScriptWalk() {}

    public static ScriptVerdict walk(List<AnalyzedPart> parts, ScriptContext context) {
        List<Finding> findings = new ArrayList<>();
        Category category = Category.EXPAND;
        boolean destroysData = false;
        LockRiskTally locks = new LockRiskTally();
        for (AnalyzedPart part : parts) {
            for (Change change : part.changes()) {
                for (Rule rule : Rules.all()) {
                    findings.addAll(rule.check(change, part, context));
                }
                Category phase = PhaseInference.of(change, context);
                category = phase.compareTo(category) > 0 ? phase : category;
                destroysData |= PhaseInference.destroysData(change, context);
                locks.observe(change, context);
                context.absorb(change, part);
            }
        }
        return new ScriptVerdict(findings, category, locks.result(), destroysData);
    }
}
