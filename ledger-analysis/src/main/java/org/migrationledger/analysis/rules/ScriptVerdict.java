package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Category;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.LockRisk;

/** What the rules concluded about a whole script. */
public record ScriptVerdict(List<Finding> findings, Category category, LockRisk lockRisk, boolean destroysData) {

    public ScriptVerdict {
        findings = List.copyOf(findings);
    }
}
