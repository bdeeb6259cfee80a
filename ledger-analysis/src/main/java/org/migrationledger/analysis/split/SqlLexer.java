package org.migrationledger.analysis.split;

import java.util.ArrayList;
import java.util.List;
import org.migrationledger.analysis.split.Token.Kind;

/**
 * Cuts a PostgreSQL script into tokens the way the server's own scanner sees it: dollar quotes, nested block
 * comments, {@code E''} strings with backslash escapes, doubled quotes. Go-template placeholders such as
 * {@code {{ index .Options "Namespace" }}} are kept whole because they stand for an identifier. Never throws: an
 * unterminated literal or comment simply runs to the end of the script.
 */
public final class SqlLexer {

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

    private final String sql;
    private int pos;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    public static List<Token> tokenize(String sql) {
        SqlLexer lexer = new SqlLexer(sql == null ? "" : sql);
        List<Token> tokens = new ArrayList<>();
        while (lexer.pos < lexer.sql.length()) {
            int start = lexer.pos;
            Kind kind = lexer.scan();
            tokens.add(new Token(kind, start, lexer.pos));
        }
        return tokens;
    }

    private Kind scan() {
        char c = sql.charAt(pos);
        if (Character.isWhitespace(c)) {
            return whitespace();
        }
        if (sql.startsWith("--", pos)) {
            return lineComment();
        }
        if (sql.startsWith("/*", pos)) {
            return blockComment();
        }
        if (sql.startsWith("{{", pos)) {
            pos = endOf("}}", pos + 2);
            return Kind.PLACEHOLDER;
        }
        if (c == '\'' || ((c == 'E' || c == 'e') && peek(1) == '\'')) {
            return string(c != '\'');
        }
        if (c == '"') {
            return quotedIdentifier();
        }
        if (c == '$' && dollarTag() != null) {
            return dollarString(dollarTag());
        }
        return plain(c);
    }

    private Kind plain(char c) {
        if (isIdentifierStart(c) || (c == '$' && Character.isDigit(peek(1)))) {
            return word();
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
            return number();
        }
        if (c == ';') {
            pos++;
            return Kind.SEMICOLON;
        }
        if (OPERATOR_CHARS.indexOf(c) >= 0) {
            return operator();
        }
        pos += sql.startsWith("::", pos) ? 2 : 1;
        return Kind.PUNCTUATION;
    }

    private Kind whitespace() {
        while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
            pos++;
        }
        return Kind.WHITESPACE;
    }

    /** Words include {@code $1} parameters and identifiers with {@code $} inside. */
    private Kind word() {
        pos++;
        while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
            pos++;
        }
        return Kind.WORD;
    }

    /** A run of operator characters, cut where a comment starts as PostgreSQL's scanner does. */
    private Kind operator() {
        pos++;
        while (pos < sql.length()
                && OPERATOR_CHARS.indexOf(sql.charAt(pos)) >= 0
                && !sql.startsWith("--", pos)
                && !sql.startsWith("/*", pos)) {
            pos++;
        }
        return Kind.OPERATOR;
    }

    private Kind lineComment() {
        int newline = sql.indexOf('\n', pos);
        pos = newline < 0 ? sql.length() : newline;
        return Kind.COMMENT;
    }

    /** PostgreSQL, unlike many other SQL dialects, nests block comments. */
    private Kind blockComment() {
        int depth = 0;
        while (pos < sql.length()) {
            if (sql.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return Kind.COMMENT;
                }
            } else {
                pos++;
            }
        }
        return Kind.COMMENT;
    }

    private Kind string(boolean backslashEscapes) {
        pos += backslashEscapes ? 2 : 1;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
            } else if (c == '\'' && peek(1) == '\'') {
                pos += 2;
            } else {
                pos++;
                if (c == '\'') {
                    break;
                }
            }
        }
        pos = Math.min(pos, sql.length());
        return Kind.STRING;
    }

    private Kind quotedIdentifier() {
        pos++;
        while (pos < sql.length()) {
            if (sql.startsWith("{{", pos)) {
                pos = endOf("}}", pos + 2);
            } else if (sql.startsWith("\"\"", pos)) {
                pos += 2;
            } else if (sql.charAt(pos++) == '"') {
                break;
            }
        }
        return Kind.QUOTED_IDENTIFIER;
    }

    private Kind dollarString(String tag) {
        pos = endOf(tag, pos + tag.length());
        return Kind.DOLLAR_STRING;
    }

    private Kind number() {
        while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
            char c = sql.charAt(pos);
            boolean signedExponent = (c == 'e' || c == 'E') && (peek(1) == '+' || peek(1) == '-');
            pos += signedExponent ? 2 : 1;
        }
        return Kind.NUMBER;
    }

    /** The opening {@code $tag$} at the current position, or null when the dollar sign starts no quote. */
    private String dollarTag() {
        int end = pos + 1;
        while (end < sql.length() && isIdentifierPart(sql.charAt(end)) && sql.charAt(end) != '$') {
            end++;
        }
        boolean validTag = end == pos + 1 || !Character.isDigit(sql.charAt(pos + 1));
        return end < sql.length() && sql.charAt(end) == '$' && validTag ? sql.substring(pos, end + 1) : null;
    }

    private int endOf(String closing, int from) {
        int found = sql.indexOf(closing, from);
        return found < 0 ? sql.length() : found + closing.length();
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < sql.length() ? sql.charAt(at) : '\0';
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || Character.isDigit(c) || c == '$';
    }
}
