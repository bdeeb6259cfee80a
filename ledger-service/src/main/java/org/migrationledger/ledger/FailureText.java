package org.migrationledger.ledger;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the ledger keeps of a failure's error text and failing statement. Events are stored forever and read by every
 * auditor, so secrets a tool echoes (a connection string's password, a {@code CREATE ROLE … PASSWORD}, a bearer
 * token) are masked before they are recorded, and a crash loop's megabytes of log are cut to a size that still shows
 * the cause.
 */
final class FailureText {

    /** Characters kept of each text; the start holds the cause, so the tail is what is cut. */
    static final int LIMIT = 8_000;

    static final String MASK = "***";

    /** Group 1 of each pattern is what stays; the rest of the match is the secret. */
    private static final List<Pattern> SECRETS = List.of(
            // user:password@host in URLs (postgresql://, jdbc:postgresql://, amqp://, …)
            Pattern.compile("(?<keep>[a-z][a-z0-9+.-]*://[^:/@\\s]+:)[^@\\s]+(?=@)", Pattern.CASE_INSENSITIVE),
            // password=…, pwd: …, secret=…, token=…, api_key=… in connection strings, properties and logs
            Pattern.compile(
                    "(?<keep>\\b(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)\\s*[=:]\\s*)"
                            + "(?:'[^']*'|\"[^\"]*\"|[^\\s;&,]+)",
                    Pattern.CASE_INSENSITIVE),
            // CREATE/ALTER ROLE … PASSWORD 'secret'
            Pattern.compile("(?<keep>\\bpassword\\s+')[^']*(?=')", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?<keep>\\bbearer\\s+)[A-Za-z0-9._~+/=-]+", Pattern.CASE_INSENSITIVE));

    private FailureText() {}

    /** The text as the ledger records it: secrets masked, then cut to {@link #LIMIT}; null stays null. */
    static String kept(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (Pattern secret : SECRETS) {
            Matcher matcher = secret.matcher(masked);
            masked = matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
        }
        if (masked.length() <= LIMIT) {
            return masked;
        }
        return masked.substring(0, LIMIT) + "… [cut by the ledger: " + masked.length() + " characters in all]";
    }
}
