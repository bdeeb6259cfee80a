package org.migrationledger.api.events;

import java.util.List;

/**
 * What the ledger's static analysis found in a migration script when it was proposed, kept as evidence.
 *
 * @param breaking whether any finding breaks running application code
 * @param strongestLock the strongest PostgreSQL lock mode the script takes, e.g. {@code ACCESS EXCLUSIVE}
 * @param lockedTables the tables that strongest lock hits
 * @param rollbackSafe whether a rollback can restore the previous schema without losing data
 * @param category the inferred category: {@code expand}, {@code migrate} or {@code contract}
 * @param statementCount how many top-level statements the script has
 * @param unparsedStatementCount how many of them the SQL parser could not parse (classified by the fallback)
 * @param normalizedSqlHash SHA-256 of the script with comments, whitespace and keyword case normalised, so that a
 *     cosmetic edit is told apart from a semantic one
 */
public record MigrationAnalysis(
        boolean breaking,
        String strongestLock,
        List<String> lockedTables,
        boolean rollbackSafe,
        String category,
        List<Finding> findings,
        int statementCount,
        int unparsedStatementCount,
        String normalizedSqlHash) {

    public MigrationAnalysis {
        lockedTables = List.copyOf(lockedTables);
        findings = List.copyOf(findings);
    }

    /**
     * One rule that fired on one statement.
     *
     * @param rule the rule id, e.g. {@code drop-column}
     * @param severity {@code INFO}, {@code WARNING} or {@code ERROR}
     * @param statementIndex position of the statement in the script, from 1; 0 for a finding about the whole script
     * @param statement the statement's text
     * @param reason why the rule fired, in words
     * @param parsed false when the statement was classified by the fallback classifier, not the SQL parser
     */
    public record Finding(
            String rule, String severity, int statementIndex, String statement, String reason, boolean parsed) {}
}
