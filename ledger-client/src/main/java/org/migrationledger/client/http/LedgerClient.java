package org.migrationledger.client.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Talks JSON to the ledger over HTTP. Writes carry their {@code Idempotency-Key}, and are retried with backoff while
 * the ledger is unreachable or answers 5xx; a 4xx answer is returned as it is, for the caller to judge.
 */
public class LedgerClient {

    /** The one mapper for request and answer bodies: ISO-8601 times, no null fields sent. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private static final String API = "/api/v1";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final LedgerConnection connection;
    private final HttpClient http;

    public LedgerClient(LedgerConnection connection) {
        this.connection = connection;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connection.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public LedgerConnection connection() {
        return connection;
    }

    /** The API path of a database, with each segment URL-encoded. */
    public static String databasePath(String database, String... segments) {
        StringBuilder path = new StringBuilder(API).append("/databases/").append(encode(database));
        for (String segment : segments) {
            path.append('/').append(encode(segment));
        }
        return path.toString();
    }

    /** Sends a write; retries reuse its idempotency key, so the ledger records it at most once. */
    public LedgerAnswer send(LedgerWrite write) {
        HttpRequest.Builder request = request(write.path())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", write.idempotencyKey())
                .method(
                        write.method(),
                        HttpRequest.BodyPublishers.ofString(write.body().toString()));
        return exchange(request.build(), write.summary());
    }

    public LedgerAnswer get(String pathAndQuery) {
        return exchange(request(pathAndQuery).GET().build(), "GET " + pathAndQuery);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(connection.url() + path))
                .timeout(connection.timeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + connection.token())
                .header("X-Ledger-Tool", connection.tool());
        if (connection.runUrl() != null && !connection.runUrl().isBlank()) {
            builder.header("X-Ledger-Run-Url", connection.runUrl());
        }
        return builder;
    }

    private LedgerAnswer exchange(HttpRequest request, String what) {
        Exception last = null;
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; attempt <= Math.max(1, connection.attempts()); attempt++) {
            if (attempt > 1) {
                pause(backoff);
                backoff = backoff.multipliedBy(2);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                LedgerAnswer answer = answer(response);
                if (answer.status() < 500) {
                    return answer;
                }
                last = new IOException("the ledger answered " + answer.status() + ": " + answer.problemDetail());
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerUnreachableException("Interrupted while sending " + what, e);
            }
        }
        throw new LedgerUnreachableException(
                "The ledger at " + connection.url() + " is unreachable (" + describe(last) + ") for " + what, last);
    }

    private static LedgerAnswer answer(HttpResponse<String> response) {
        long position = response.headers()
                .firstValue("Ledger-Position")
                .map(Long::parseLong)
                .orElse(-1L);
        boolean replayed = response.headers()
                .firstValue("Idempotent-Replayed")
                .map(Boolean::parseBoolean)
                .orElse(false);
        return new LedgerAnswer(response.statusCode(), parse(response.body()), position, replayed);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private static String describe(Exception e) {
        if (e == null) {
            return "no attempt made";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
