package org.migrationledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The service's HTTP API as a pipeline calls it: one shared client, a bearer token per call, JSON bodies. */
final class LedgerHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    LedgerHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** One answer: status, body and how long the exchange took. */
    record Answer(int status, byte[] body, long nanos) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        Answer requireOk(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + " answered " + status + ": " + new String(body));
            }
            return this;
        }
    }

    Answer get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    /** A GET of a plain-text resource, such as the Prometheus metrics. */
    Answer getText(String path, String token) {
        return send(request(path, token).setHeader("Accept", "text/plain").GET().build());
    }

    Answer put(String path, String token, Object body) {
        return send(request(path, token).PUT(json(body)).build());
    }

    Answer post(String path, String token, Object body) {
        return send(request(path, token).POST(json(body)).build());
    }

    Answer delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    /** A write as a retrying pipeline sends it: with a fresh {@code Idempotency-Key}. */
    Answer postIdempotent(String path, String token, Object body) {
        return send(request(path, token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(json(body))
                .build());
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.uri(), e);
        }
    }
}
