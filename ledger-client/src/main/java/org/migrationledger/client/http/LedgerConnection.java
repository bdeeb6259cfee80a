package org.migrationledger.client.http;

import java.net.URI;
import java.time.Duration;

/**
 * Where the ledger is and how to talk to it.
 *
 * @param url the ledger's base URL, e.g. {@code https://ledger.example.com}; the API lives under {@code /api/v1}
 * @param token the bearer token of the principal the client acts as; never printed
 * @param tool the tool named in every write's metadata, e.g. {@code ledger-cli} or {@code flyway}
 * @param runUrl the pipeline run the writes come from; null when unknown
 * @param timeout how long one request may take
 * @param attempts how many times a request is tried while the ledger is unreachable or answers 5xx
 */
public record LedgerConnection(URI url, String token, String tool, String runUrl, Duration timeout, int attempts) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_ATTEMPTS = 3;

    public LedgerConnection {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("No ledger token: set LEDGER_TOKEN or pass --token.");
        }
        String text = url.toString();
        url = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    public static LedgerConnection of(String url, String token, String tool, String runUrl) {
        return new LedgerConnection(URI.create(url), token, tool, runUrl, DEFAULT_TIMEOUT, DEFAULT_ATTEMPTS);
    }

    public LedgerConnection withAttempts(int newAttempts) {
        return new LedgerConnection(url, token, tool, runUrl, timeout, newAttempts);
    }

    @Override
    public String toString() {
        return "LedgerConnection[url=" + url + ", tool=" + tool + ", runUrl=" + runUrl + "]";
    }
}
