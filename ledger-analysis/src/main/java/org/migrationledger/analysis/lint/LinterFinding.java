package org.migrationledger.analysis.lint;

/**
 * One violation an external linter reported.
 *
 * @param level the linter's own level in lower case, e.g. {@code warning} or {@code error}
 * @param line line of the script, starting at 1, or 0 when the linter gave none
 * @param help the linter's suggested fix, or null
 */
public record LinterFinding(String rule, String level, String message, int line, String help) {}
