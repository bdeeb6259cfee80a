package org.migrationledger.analysis;

/**
 * One rule's verdict on one statement.
 *
 * @param rule stable rule id, e.g. {@code drop-column}
 * @param statementIndex position of the statement in the script, starting at 1; 0 for findings about the script
 * @param statement the statement as written (for a DO block, the statement found inside it)
 * @param reason a sentence naming the table or column concerned
 * @param parsed whether JSqlParser parsed the statement; false when the keyword classifier read it
 */
public record Finding(
        String rule, Severity severity, int statementIndex, String statement, String reason, boolean parsed) {}
