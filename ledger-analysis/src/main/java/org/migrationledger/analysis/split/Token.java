package org.migrationledger.analysis.split;

/** A lexical token of a PostgreSQL script, as offsets into the script so the original text is never altered. */
public record Token(Kind kind, int start, int end) {

    public enum Kind {
        WHITESPACE,
        COMMENT,
        WORD,
        QUOTED_IDENTIFIER,
        STRING,
        DOLLAR_STRING,
        NUMBER,
        OPERATOR,
        PUNCTUATION,
        SEMICOLON,
        PLACEHOLDER
    }

    public String text(String source) {
        return source.substring(start, end);
    }

    /** Whitespace and comments carry no meaning for PostgreSQL. */
    public boolean significant() {
        return kind != Kind.WHITESPACE && kind != Kind.COMMENT;
    }

    public boolean isWord(String source, String word) {
        return kind == Kind.WORD
                && source.regionMatches(true, start, word, 0, word.length())
                && end - start == word.length();
    }
}
