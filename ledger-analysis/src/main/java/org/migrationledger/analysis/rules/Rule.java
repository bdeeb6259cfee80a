package org.migrationledger.analysis.rules;

import java.util.List;
import org.migrationledger.analysis.Finding;
import org.migrationledger.analysis.change.Change;

/** One check from the seeds' policy, applied to each change in script order. */
public interface Rule {

    /** Stable id, part of the ledger's recorded evidence: never rename one. */
    String id();

    /** The context holds what the script did before this change, never after it. */
    List<Finding> check(Change change, AnalyzedPart part, ScriptContext context);
}
