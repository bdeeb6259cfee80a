package org.migrationledger.analysis.split;

/**
 * Tracks SQL-standard function bodies ({@code CREATE FUNCTION ... BEGIN ATOMIC ...; ...; END}), whose inner
 * semicolons do not end the statement. psql counts {@code BEGIN}/{@code CASE} against {@code END} the same way.
 */
final class AtomicBodyDepth {

    private final String sql;
    private boolean createStatement;
    private boolean firstWordSeen;
    private Token previousWord;
    private int depth;

    AtomicBodyDepth(String sql) {
        this.sql = sql;
    }

    void observe(Token token) {
        if (token.kind() != Token.Kind.WORD) {
            if (token.significant()) {
                previousWord = null;
            }
            return;
        }
        if (!firstWordSeen) {
            firstWordSeen = true;
            createStatement = token.isWord(sql, "create");
        }
        if (depth == 0) {
            boolean opensBody = createStatement
                    && token.isWord(sql, "atomic")
                    && previousWord != null
                    && previousWord.isWord(sql, "begin");
            depth = opensBody ? 1 : 0;
        } else if (token.isWord(sql, "begin") || token.isWord(sql, "case")) {
            depth++;
        } else if (token.isWord(sql, "end")) {
            depth--;
        }
        previousWord = token;
    }

    boolean outside() {
        return depth == 0;
    }

    void reset() {
        createStatement = false;
        firstWordSeen = false;
        previousWord = null;
        depth = 0;
    }
}
