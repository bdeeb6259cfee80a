package org.migrationledger.proposal;

import java.util.Locale;
import org.axonframework.queryhandling.QueryGateway;
import org.migrationledger.analysis.Analysis;
import org.migrationledger.analysis.KnownSchema;
import org.migrationledger.analysis.MigrationAnalyzer;
import org.migrationledger.api.events.MigrationAnalysis;
import org.migrationledger.api.queries.FindKnownColumnTypes;
import org.migrationledger.api.queries.KnownColumnTypesView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Analyses a proposed script before the proposal reaches the aggregate: the analysis is pure and deterministic, and
 * slow enough (a SQL parse per statement) that it should not run while the database's ledger is locked. The column
 * types it judges type changes by come from the schema pipelines last observed below the migration's version; the
 * analysis stored in the event is what was judged then, so replays never depend on what was observed later.
 */
@Component
class ProposalAnalysis {

    private static final Logger LOG = LoggerFactory.getLogger(ProposalAnalysis.class);

    private final MigrationAnalyzer analyzer = new MigrationAnalyzer();
    private final QueryGateway queries;

    ProposalAnalysis(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * The analysis as stored in the proposal's event; null when no script was given.
     *
     * @param version the migration's version; null for a revision, whose version the ledger already holds
     */
    MigrationAnalysis analyse(String database, String migrationId, String version, String script, String downScript) {
        if (script == null) {
            return null;
        }
        Analysis analysis = analyzer.analyze(script, downScript, knownSchema(database, migrationId, version));
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

    private KnownSchema knownSchema(String database, String migrationId, String version) {
        KnownColumnTypesView observed;
        try {
            observed = queries.query(
                            new FindKnownColumnTypes(database, migrationId, version), KnownColumnTypesView.class)
                    .join();
        } catch (RuntimeException e) {
            // Without observed types the analysis is still sound, only more cautious: it judges every type change
            // as a possible rewrite. A proposal must not fail because a read model could not answer.
            LOG.warn("Analysing {} of {} without observed column types: {}", migrationId, database, e.toString());
            return KnownSchema.NONE;
        }
        if (!observed.known()) {
            return KnownSchema.NONE;
        }
        return new KnownSchema(
                observed.columnTypes(),
                "the schema observed in %s %s on %s"
                        .formatted(
                                observed.environment(),
                                observed.schemaVersion() == null
                                        ? "before any recorded migration"
                                        : "at " + observed.schemaVersion(),
                                observed.capturedAt()));
    }
}
