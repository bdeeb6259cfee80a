package org.migrationledger.ledger;

import java.util.Locale;
import org.migrationledger.analysis.Analysis;
import org.migrationledger.analysis.MigrationAnalyzer;
import org.migrationledger.api.events.MigrationAnalysis;
import org.springframework.stereotype.Component;

/**
 * Analyses a proposed script before the proposal reaches the aggregate: the analysis is pure and deterministic, and
 * slow enough (a SQL parse per statement) that it should not run while the database's ledger is locked.
 */
@Component
class ProposalAnalysis {

    private final MigrationAnalyzer analyzer = new MigrationAnalyzer();

    /** The analysis as stored in the proposal's event; null when no script was given. */
    MigrationAnalysis analyse(String script, String downScript) {
        if (script == null) {
            return null;
        }
        Analysis analysis = analyzer.analyze(script, downScript);
        return new MigrationAnalysis(
                analysis.breaking(),
                analysis.lockRisk().strongestLock(),
                analysis.lockRisk().tables(),
                analysis.rollbackSafe(),
                analysis.category().name().toLowerCase(Locale.ROOT),
                analysis.findings().stream()
                        .map(finding -> new MigrationAnalysis.Finding(
                                finding.rule(),
                                finding.severity().name(),
                                finding.statementIndex(),
                                finding.statement(),
                                finding.reason(),
                                finding.parsed()))
                        .toList(),
                analysis.statementCount(),
                analysis.unparsedStatementCount(),
                analysis.normalizedSqlHash());
    }
}
