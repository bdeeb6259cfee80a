package org.migrationledger.analysis.classify;

import java.util.List;

/**
 * The reading of one top-level statement.
 *
 * @param parsed whether JSqlParser parsed the statement itself
 * @param parserMessage the parser's complaint when it did not, else null
 * @param parts the statement itself, or for a DO block the statements found in its body
 */
public record StatementReading(boolean parsed, String parserMessage, List<ReadPart> parts) {

    public StatementReading {
        parts = List.copyOf(parts);
    }
}
