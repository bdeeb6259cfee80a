package org.migrationledger.analysis.lint;

import java.util.List;

/** An external linter's verdict on a script, kept as evidence beside the ledger's own analysis. */
public record LinterReport(String tool, List<LinterFinding> findings) {

    public LinterReport {
        findings = List.copyOf(findings);
    }
}
