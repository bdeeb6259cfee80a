package org.migrationledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.migrationledger.security.TokenFile;
import org.migrationledger.testsupport.SpringTestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP integration tests: the real service on a random port, over a fresh PostgreSQL database of its own
 * (one per test class), with a token file holding one principal per role. Requests go through a plain HTTP client so
 * that tests can send exactly the bytes a pipeline would, malformed ones included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class LedgerServiceIT {

    /** Principals of the test token file; each one's token is its name followed by {@code -token}. */
    public static final Map<String, String> PRINCIPAL_ROLES = Map.of(
            "admin", "admin",
            "alice", "proposer",
            "bob", "approver,proposer",
            "dora", "dba,approver",
            "carol", "approver",
            "ci", "pipeline",
            "audrey", "auditor");

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void ledgerProperties(DynamicPropertyRegistry registry) {
        SpringTestDatabases.register(registry, "service");
        registry.add("ledger.security.token-file", LedgerServiceIT::writeTokenFile);
        registry.add("ledger.security.development-signing-key-file", LedgerServiceIT::signingKeyFile);
        // The matrix and bad-input tests send hundreds of bad tokens from one address on purpose;
        // AuthenticationThrottleIT tests the throttle with its own limit.
        registry.add("ledger.security.throttle.failure-limit", () -> "1000000");
    }

    public static String tokenOf(String principal) {
        return principal + "-token";
    }

    /** A development key of the test run's own, generated on first use, outside the source tree. */
    public static String signingKeyFile() {
        return Path.of("target", "test-signing-key.pem").toAbsolutePath().toString();
    }

    public static String writeTokenFile() {
        try {
            Path file = Files.createTempFile("ledger-tokens", ".txt");
            file.toFile().deleteOnExit();
            List<String> lines = PRINCIPAL_ROLES.entrySet().stream()
                    .map(entry ->
                            entry.getKey() + " " + entry.getValue() + " " + TokenFile.sha256(tokenOf(entry.getKey())))
                    .toList();
            Files.write(file, lines);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Reply send(String method, String path, String principal, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (principal != null) {
            request.header("Authorization", "Bearer " + tokenOf(principal));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Reply post(String path, String principal, String body, String... headers) {
        return send("POST", path, principal, body, headers);
    }

    protected Reply put(String path, String principal, String body, String... headers) {
        return send("PUT", path, principal, body, headers);
    }

    protected Reply get(String path, String principal, String... headers) {
        return send("GET", path, principal, null, headers);
    }

    /** Writes a JSON body from alternating keys and values. */
    protected static String json(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The codes of a list of policy violations (or gate reasons) in an answer. */
    protected static List<String> codes(JsonNode violations) {
        return java.util.stream.StreamSupport.stream(violations.spliterator(), false)
                .map(node -> node.get("code").asText())
                .toList();
    }

    /** An HTTP answer with its body parsed when it is JSON. */
    public record Reply(int status, Map<String, List<String>> headers, String text) {

        public JsonNode body() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("Answer is not JSON: " + text, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public long position() {
            return Long.parseLong(header("Ledger-Position"));
        }
    }
}
