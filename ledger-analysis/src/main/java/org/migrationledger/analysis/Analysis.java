package org.migrationledger.analysis;

import java.util.List;

/**
 * The static analysis of one migration script.
 *
 * @param breaking whether any finding is an {@link Severity#ERROR}: old application code may fail
 * @param rollbackSafe false when there is no down script, or the up script is breaking or destroys data
 * @param category the expand/migrate/contract phase the script's strongest change belongs to
 * @param findings every rule finding, in statement order
 * @param statementCount top-level statements in the up script
 * @param unparsedStatementCount statements JSqlParser could not parse, read by the keyword classifier instead
 * @param normalizedSqlHash SHA-256 (hex) of the normalised up script, equal for cosmetic edits
 */
public record Analysis(
        boolean breaking,
        LockRisk lockRisk,
        boolean rollbackSafe,
        Category category,
        List<Finding> findings,
        int statementCount,
        int unparsedStatementCount,
        String normalizedSqlHash) {

    public Analysis {
        findings = List.copyOf(findings);
    }

    public List<Finding> findingsOf(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }
}
