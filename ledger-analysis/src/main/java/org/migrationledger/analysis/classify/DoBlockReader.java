package org.migrationledger.analysis.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.migrationledger.analysis.split.SqlLexer;
import org.migrationledger.analysis.split.SqlStatement;
import org.migrationledger.analysis.split.StatementSplitter;
import org.migrationledger.analysis.split.Token;

/**
 * Finds the SQL statements inside a {@code DO} block's PL/pgSQL body. Migrations hide real DDL there (guarded
 * {@code CREATE TYPE}, {@code ALTER TABLE ... RENAME COLUMN}), so treating the block as opaque would miss it.
 * A statement starts at a DDL/DML keyword that opens the body or follows BEGIN, THEN, ELSE or LOOP.
 */
final class DoBlockReader {

    private static final Set<String> STATEMENT_START = Set.of(
            "alter",
            "create",
            "drop",
            "update",
            "delete",
            "insert",
            "truncate",
            "comment",
            "grant",
            "revoke",
            "execute",
            "lock",
            "set",
            "merge",
            "reindex",
            "refresh");
    private static final Set<String> BLOCK_WORDS = Set.of("begin", "then", "else", "loop");

    private DoBlockReader() {}

    static boolean isDoBlock(String statement) {
        return new Words(statement).is("do");
    }

    /** The embedded statements' texts, in order; EXECUTE of a single string literal yields that string. */
    static List<String> embeddedStatements(String statement) {
        String body = body(statement);
        List<String> found = new ArrayList<>();
        for (SqlStatement piece : StatementSplitter.split(body)) {
            String embedded = embedded(piece.text());
            if (embedded != null) {
                found.add(unwrapExecute(embedded));
            }
        }
        return found;
    }

    private static String body(String statement) {
        return SqlLexer.tokenize(statement).stream()
                .filter(t -> t.kind() == Token.Kind.DOLLAR_STRING || t.kind() == Token.Kind.STRING)
                .findFirst()
                .map(t -> unquoteBody(t.text(statement)))
                .orElse("");
    }

    private static String unquoteBody(String literal) {
        if (literal.startsWith("'")) {
            return literal.substring(1, literal.length() - 1).replace("''", "'");
        }
        int tagEnd = literal.indexOf('$', 1) + 1;
        return literal.substring(tagEnd, Math.max(tagEnd, literal.length() - tagEnd));
    }

    private static String embedded(String piece) {
        List<Token> tokens =
                SqlLexer.tokenize(piece).stream().filter(Token::significant).toList();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean afterBlockWord = i == 0 || isWordIn(tokens.get(i - 1), piece, BLOCK_WORDS);
            if (afterBlockWord && isWordIn(token, piece, STATEMENT_START)) {
                return piece.substring(token.start());
            }
        }
        return null;
    }

    private static String unwrapExecute(String statement) {
        Words words = new Words(statement);
        if (!words.accept("execute")) {
            return statement;
        }
        String literal = words.stringLiteral();
        return literal != null && words.atEnd() ? literal : statement;
    }

    private static boolean isWordIn(Token token, String text, Set<String> words) {
        return token.kind() == Token.Kind.WORD
                && words.contains(token.text(text).toLowerCase(java.util.Locale.ROOT));
    }
}
