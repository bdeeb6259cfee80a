package org.migrationledger.analysis.split;

import java.util.ArrayList;
import java.util.List;
import org.migrationledger.analysis.split.Token.Kind;

/**
 * Splits a script into top-level statements at semicolons that are outside literals, comments, dollar quotes and
 * SQL-standard {@code BEGIN ATOMIC ... END} function bodies. Comment-only pieces are not statements.
 */
public final class StatementSplitter {

    private StatementSplitter() {}

    public static List<SqlStatement> split(String script) {
        String sql = script == null ? "" : script;
        List<Token> tokens = SqlLexer.tokenize(sql);
        List<SqlStatement> statements = new ArrayList<>();
        AtomicBodyDepth atomicDepth = new AtomicBodyDepth(sql);
        int from = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            atomicDepth.observe(token);
            if (token.kind() == Kind.SEMICOLON && atomicDepth.outside()) {
                addStatement(sql, tokens.subList(from, i), statements);
                from = i + 1;
                atomicDepth.reset();
            }
        }
        addStatement(sql, tokens.subList(from, tokens.size()), statements);
        return statements;
    }

    private static void addStatement(String sql, List<Token> piece, List<SqlStatement> statements) {
        int first = firstSignificant(piece);
        if (first < 0) {
            return;
        }
        int last = lastSignificant(piece);
        int start = piece.get(first).start();
        int end = piece.get(last).end();
        List<Token> relative = piece.subList(first, last + 1).stream()
                .map(t -> new Token(t.kind(), t.start() - start, t.end() - start))
                .toList();
        String text = sql.substring(start, end);
        TransactionControl control = TransactionControls.of(text, relative);
        boolean open = isTransactionOpen(statements);
        statements.add(new SqlStatement(
                statements.size() + 1,
                text,
                lineOf(sql, start),
                relative,
                control,
                open || control == TransactionControl.BEGIN));
    }

    private static boolean isTransactionOpen(List<SqlStatement> statements) {
        if (statements.isEmpty()) {
            return false;
        }
        SqlStatement previous = statements.get(statements.size() - 1);
        return previous.inExplicitTransaction()
                && previous.control() != TransactionControl.COMMIT
                && previous.control() != TransactionControl.ROLLBACK;
    }

    private static int firstSignificant(List<Token> piece) {
        for (int i = 0; i < piece.size(); i++) {
            if (piece.get(i).significant()) {
                return i;
            }
        }
        return -1;
    }

    private static int lastSignificant(List<Token> piece) {
        for (int i = piece.size() - 1; i >= 0; i--) {
            if (piece.get(i).significant()) {
                return i;
            }
        }
        return -1;
    }

    private static int lineOf(String sql, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
