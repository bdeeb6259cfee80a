package org.migrationledger.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.migrationledger.analysis.checksum.SqlNormalizer;
import org.migrationledger.analysis.rules.ScriptContext;
import org.migrationledger.analysis.rules.ScriptVerdict;
import org.migrationledger.analysis.rules.ScriptWalk;
import org.migrationledger.analysis.split.StatementSplitter;
import org.migrationledger.analysis.split.TemplatePlaceholders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies a migration script statement by statement: breaking or not, lock risk, rollback safety and its
 * expand/migrate/contract category. Stateless, so one instance serves all threads.
 */
public final class MigrationAnalyzer {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationAnalyzer.class);

    private final ScriptTransaction transaction;

    public MigrationAnalyzer() {
        this(ScriptTransaction.DETECT);
    }

    public MigrationAnalyzer(ScriptTransaction transaction) {
        this.transaction = transaction;
    }

    /**
     * Never throws: statements no reader understands are reported as findings, and an internal failure yields an
     * analysis that says so instead of blocking the proposal.
     */
    public Analysis analyze(String upScript, String downScriptOrNull) {
        return analyze(upScript, downScriptOrNull, KnownSchema.NONE);
    }

    /** As {@link #analyze(String, String)}, judging type changes against column types known beforehand. */
    public Analysis analyze(String upScript, String downScriptOrNull, KnownSchema knownSchema) {
        String up = upScript == null ? "" : upScript;
        try {
            return analyzeScript(up, downScriptOrNull, knownSchema);
        } catch (RuntimeException e) {
            LOG.error("Analysis failed; recording the failure as a finding", e);
            return failed(up, e);
        }
    }

    private Analysis analyzeScript(String up, String down, KnownSchema knownSchema) {
        TemplatePlaceholders placeholders = new TemplatePlaceholders();
        ScriptReading reading = ScriptReading.of(StatementSplitter.split(up), placeholders);
        ScriptContext context = new ScriptContext(transaction, knownSchema, reading.mixesConcurrentWithOthers());
        ScriptVerdict verdict = ScriptWalk.walk(reading.parts(), context);
        List<Finding> findings = new ArrayList<>(reading.unparsedFindings());
        findings.addAll(verdict.findings());
        findings.sort(Comparator.comparingInt(Finding::statementIndex));
        boolean breaking = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        boolean hasDown = !StatementSplitter.split(down).isEmpty();
        return new Analysis(
                breaking,
                restore(verdict.lockRisk(), placeholders),
                hasDown && !breaking && !verdict.destroysData(),
                verdict.category(),
                findings.stream().map(f -> restore(f, placeholders)).toList(),
                reading.statementCount(),
                reading.unparsedCount(),
                SqlNormalizer.hash(up));
    }

    private static Finding restore(Finding finding, TemplatePlaceholders placeholders) {
        return new Finding(
                finding.rule(),
                finding.severity(),
                finding.statementIndex(),
                placeholders.restore(finding.statement()),
                placeholders.restore(finding.reason()),
                finding.parsed());
    }

    private static LockRisk restore(LockRisk risk, TemplatePlaceholders placeholders) {
        return new LockRisk(
                risk.strongestLock(),
                risk.tables().stream().map(placeholders::restore).toList());
    }

    /** Nothing is known, so assume the worst: reviewers must look, and the record says why. */
    private static Analysis failed(String up, RuntimeException e) {
        Finding finding = new Finding(
                "analysis-failed",
                Severity.ERROR,
                0,
                "",
                "The analyzer failed on this script (" + e + "); treat it as breaking until reviewed.",
                false);
        int statements = StatementSplitter.split(up).size();
        return new Analysis(
                true,
                LockRisk.NONE,
                false,
                Category.CONTRACT,
                List.of(finding),
                statements,
                statements,
                SqlNormalizer.hash(up));
    }
}
