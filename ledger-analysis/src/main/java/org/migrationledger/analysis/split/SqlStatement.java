package org.migrationledger.analysis.split;

import java.util.List;

/**
 * One top-level statement of a script.
 *
 * @param index position in the script, starting at 1
 * @param text the statement as written, without its terminating semicolon and without leading comments
 * @param line line of the script the statement starts on, starting at 1
 * @param tokens the statement's tokens, offsets relative to {@code text}
 * @param control whether the statement opens or closes an explicit transaction block
 * @param inExplicitTransaction whether an explicit {@code BEGIN}/{@code START TRANSACTION} is open when it runs
 */
public record SqlStatement(
        int index,
        String text,
        int line,
        List<Token> tokens,
        TransactionControl control,
        boolean inExplicitTransaction) {

    public SqlStatement {
        tokens = List.copyOf(tokens);
    }

    /** The statement's words, comments and whitespace left out, in the order written. */
    public List<Token> significantTokens() {
        return tokens.stream().filter(Token::significant).toList();
    }
}
