package org.migrationledger.analysis.checksum;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.migrationledger.analysis.split.SqlStatement;
import org.migrationledger.analysis.split.StatementSplitter;
import org.migrationledger.analysis.split.Token;

/**
 * Normalises a script to what PostgreSQL actually executes: comments and layout dropped, unquoted words folded to
 * lower case (the server folds unquoted identifiers too, so this is exact), one space between tokens, statements
 * separated by {@code ;}. String literals, quoted identifiers and dollar-quoted bodies are kept byte for byte.
 */
public final class SqlNormalizer {

    private SqlNormalizer() {}

    public static String normalize(String script) {
        return StatementSplitter.split(script).stream()
                .map(SqlNormalizer::normalizeStatement)
                .collect(Collectors.joining(";\n", "", ";"));
    }

    /** SHA-256 of {@link #normalize(String)}, lower-case hex. */
    public static String hash(String script) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(normalize(script).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    private static String normalizeStatement(SqlStatement statement) {
        List<Token> tokens = statement.significantTokens();
        return tokens.stream().map(t -> render(t, statement.text())).collect(Collectors.joining(" "));
    }

    private static String render(Token token, String text) {
        String value = token.text(text);
        if (token.kind() == Token.Kind.WORD) {
            return value.toLowerCase(Locale.ROOT);
        }
        boolean escapeString = token.kind() == Token.Kind.STRING && !value.startsWith("'");
        return escapeString ? "e" + value.substring(1) : value;
    }
}
