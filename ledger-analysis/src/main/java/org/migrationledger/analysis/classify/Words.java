package org.migrationledger.analysis.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import org.migrationledger.analysis.change.Names;
import org.migrationledger.analysis.split.SqlLexer;
import org.migrationledger.analysis.split.Token;
import org.migrationledger.analysis.split.Token.Kind;

/** A cursor over the significant tokens of one statement, for the keyword classifier. */
final class Words {

    private final String text;
    private final List<Token> tokens;
    private int pos;

    Words(String text) {
        this(text, SqlLexer.tokenize(text).stream().filter(Token::significant).toList());
    }

    private Words(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    /** Whether the next tokens are these words, case-insensitively. */
    boolean is(String... words) {
        for (int i = 0; i < words.length; i++) {
            int at = pos + i;
            if (at >= tokens.size() || !matches(tokens.get(at), words[i])) {
                return false;
            }
        }
        return true;
    }

    boolean accept(String... words) {
        boolean matches = is(words);
        if (matches) {
            pos += words.length;
        }
        return matches;
    }

    /** The current token in lower case (words) or as written (anything else); empty at the end. */
    String peek() {
        if (atEnd()) {
            return "";
        }
        Token token = tokens.get(pos);
        String value = token.text(text);
        return token.kind() == Kind.WORD ? value.toLowerCase(Locale.ROOT) : value;
    }

    Token peekToken() {
        return atEnd() ? null : tokens.get(pos);
    }

    String next() {
        String value = peek();
        pos = Math.min(pos + 1, tokens.size());
        return value;
    }

    /** A possibly schema-qualified name, normalised; null when the cursor is not on a name. */
    String name() {
        if (!isNamePart(peekToken())) {
            return null;
        }
        StringBuilder name = new StringBuilder(tokens.get(pos++).text(text));
        while (isDot(peekToken()) && pos + 1 < tokens.size() && isNamePart(tokens.get(pos + 1))) {
            name.append('.').append(tokens.get(pos + 1).text(text));
            pos += 2;
        }
        return Names.normalize(name.toString());
    }

    /** The text of a string literal at the cursor without its quotes, or null. */
    String stringLiteral() {
        Token token = peekToken();
        if (token == null || token.kind() != Kind.STRING) {
            return null;
        }
        pos++;
        String quoted = token.text(text);
        int open = quoted.indexOf('\'');
        return quoted.substring(open + 1, quoted.length() - 1).replace("''", "'");
    }

    /** Whether the words appear in sequence anywhere from the cursor on, outside parentheses. */
    boolean containsAtTopLevel(String... words) {
        return findTopLevel(at -> matchesAt(at, words)) >= 0;
    }

    /** Index of the first top-level token from the cursor on that is one of the words, or the end. */
    int indexOfTopLevel(String... words) {
        int found = findTopLevel(at -> isAnyWord(tokens.get(at), words));
        return found < 0 ? tokens.size() : found;
    }

    /** The text written from the cursor up to (not including) the token at {@code end}; empty if none. */
    String textUpTo(int end) {
        if (pos >= end || pos >= tokens.size()) {
            return "";
        }
        return text.substring(
                tokens.get(pos).start(),
                tokens.get(Math.min(end, tokens.size()) - 1).end());
    }

    String rest() {
        return textUpTo(tokens.size());
    }

    /** Moves to the word after the first top-level occurrence of the sequence; false when it does not occur. */
    boolean skipPast(String... words) {
        int found = findTopLevel(at -> matchesAt(at, words));
        if (found >= 0) {
            pos = found + words.length;
        }
        return found >= 0;
    }

    void moveTo(int index) {
        pos = Math.min(Math.max(index, pos), tokens.size());
    }

    /** The comma-separated items from the cursor to the end, commas inside parentheses left alone. */
    List<Words> splitAtTopLevelCommas() {
        List<Words> items = new ArrayList<>();
        int depth = 0;
        int from = pos;
        for (int i = pos; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += depthChange(token);
            if (depth == 0
                    && token.kind() == Kind.PUNCTUATION
                    && token.text(text).equals(",")) {
                items.add(new Words(text, tokens.subList(from, i)));
                from = i + 1;
            }
        }
        items.add(new Words(text, tokens.subList(from, tokens.size())));
        return items;
    }

    /** The first token index from the cursor on, outside parentheses, where the test holds; -1 if none. */
    private int findTopLevel(IntPredicate test) {
        int depth = 0;
        for (int i = pos; i < tokens.size(); i++) {
            depth += depthChange(tokens.get(i));
            if (depth == 0 && test.test(i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean isAnyWord(Token token, String... words) {
        for (String word : words) {
            if (token.isWord(text, word)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesAt(int index, String... words) {
        for (int k = 0; k < words.length; k++) {
            if (index + k >= tokens.size() || !matches(tokens.get(index + k), words[k])) {
                return false;
            }
        }
        return true;
    }

    /** Words match case-insensitively as words; punctuation such as {@code (} matches its exact text. */
    private boolean matches(Token token, String expected) {
        boolean word = Character.isLetter(expected.charAt(0));
        return word ? token.isWord(text, expected) : token.text(text).equals(expected);
    }

    private int depthChange(Token token) {
        if (token.kind() != Kind.PUNCTUATION) {
            return 0;
        }
        String value = token.text(text);
        return value.equals("(") ? 1 : value.equals(")") ? -1 : 0;
    }

    private boolean isDot(Token token) {
        return token != null
                && token.kind() == Kind.PUNCTUATION
                && token.text(text).equals(".");
    }

    private static boolean isNamePart(Token token) {
        return token != null
                && (token.kind() == Kind.WORD
                        || token.kind() == Kind.QUOTED_IDENTIFIER
                        || token.kind() == Kind.PLACEHOLDER);
    }
}
