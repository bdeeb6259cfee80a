package org.migrationledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.migrationledger.testsupport.SpringTestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13: repeated authentication failures from one client address are answered 429 with Retry-After, as problem
 * JSON, without the token being checked (so a right guess is not revealed); a client that authenticates never meets
 * the limit; a request without credentials is not an authentication attempt; the block ends with its window. Not a
 * LedgerServiceIT: that base lifts the limit for the tests that send bad tokens on purpose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuthenticationThrottleIT {

    private static final int LIMIT = 4;
    private static final String GOOD = "throttle-test-token";
    private static final String DIGEST = "/api/v1/audit/digest";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        SpringTestDatabases.register(registry, "throttle");
        Path tokens = Files.createTempFile("ledger-tokens", ".txt");
        tokens.toFile().deleteOnExit();
        Files.writeString(tokens, "audrey auditor " + TokenFile.sha256(GOOD) + "\n");
        registry.add("ledger.security.token-file", tokens::toString);
        registry.add(
                "ledger.security.development-signing-key-file",
                () -> Path.of("target", "test-signing-key.pem").toAbsolutePath().toString());
        registry.add("ledger.security.throttle.failure-limit", () -> LIMIT);
        registry.add("ledger.security.throttle.window", () -> "4s");
    }

    @Test
    void repeatedFailuresAre429WithRetryAfterUntilTheWindowEnds() throws Exception {
        for (int i = 0; i < 3 * LIMIT; i++) {
            assertThat(get(DIGEST, GOOD).statusCode())
                    .as("successful authentications are not counted")
                    .isEqualTo(200);
        }
        for (int i = 0; i < LIMIT; i++) {
            assertThat(get(DIGEST, "guess-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = get(DIGEST, "guess-next");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        long retryAfter =
                Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 4L);
        JsonNode problem = JSON.readTree(throttled.body());
        assertThat(problem.get("type").asText()).endsWith("/too-many-authentication-failures");
        assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(problem.get("detail").asText()).contains("Retry-After").doesNotContain("guess-next");

        assertThat(get(DIGEST, GOOD).statusCode())
                .as("while blocked no token is checked, so a right guess is not revealed")
                .isEqualTo(429);
        assertThat(get(DIGEST, null).statusCode())
                .as("no credentials: not an attempt")
                .isEqualTo(401);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> get(DIGEST, GOOD).statusCode() == 200);
        assertThat(get(DIGEST, "guess-after").statusCode())
                .as("a new window counts afresh")
                .isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
