package org.migrationledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13: JWTs of an OIDC provider beside the token file. The provider is the test's own (a locally signed JWT):
 * a valid one authenticates with the roles of its claim and writes events under its subject; expired, wrong issuer,
 * wrong audience and wrong signature are 401 naming the reason; a genuine JWT with no ledger role is 403 naming the
 * claim. The token file keeps working beside it.
 */
class JwtAuthenticationIT extends LedgerServiceIT {

    private static final String DIGEST = "/api/v1/audit/digest";
    private static final String ACCESS = "/api/v1/databases/jwt_db/environments/ci/reporting-access";

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        TestJwts.register(registry);
    }

    @Test
    void aValidJwtAuthenticatesWithTheRolesOfItsClaim() {
        Reply auditor = withJwt("GET", DIGEST, TestJwts.valid("erin", List.of("auditor")));
        assertThat(auditor.status()).as(auditor.text()).isEqualTo(200);

        Reply wrongRole = withJwt("PUT", "/api/v1/databases/jwt_db", TestJwts.valid("erin", List.of("auditor")));
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.body().get("detail").asText()).startsWith("erin does not hold the role");

        Reply pipeline = withJwt("GET", ACCESS, TestJwts.valid("deploy-bot", "pipeline proposer"));
        assertThat(pipeline.status()).as(pipeline.text()).isIn(200, 404);
        assertThat(pipeline.status()).isNotIn(401, 403);
    }

    @Test
    void eventsWrittenWithAJwtCarryItsSubjectAsPrincipal() {
        Reply registered = withJwt("PUT", "/api/v1/databases/jwt_db", TestJwts.valid("frank", List.of("admin")));
        assertThat(registered.status()).as(registered.text()).isIn(200, 201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Reply events =
                    withJwt("GET", "/api/v1/audit/events?database=jwt_db", TestJwts.valid("erin", List.of("auditor")));
            assertThat(events.status()).as(events.text()).isEqualTo(200);
            assertThat(principals(events.body())).contains("frank");
        });
        Reply access = withJwt("GET", ACCESS, TestJwts.valid("deploy-bot", List.of("pipeline")));
        assertThat(access.status()).as(access.text()).isEqualTo(200);
        assertThat(access.body().get("principal").asText()).isEqualTo("deploy-bot");
    }

    @Test
    void anExpiredJwtIs401SayingSo() {
        Reply reply = withJwt("GET", DIGEST, TestJwts.expired("erin", List.of("auditor")));

        assertUnauthenticated(reply, "expired");
    }

    @Test
    void aJwtOfAnotherIssuerIs401SayingSo() {
        Reply reply = withJwt("GET", DIGEST, TestJwts.wrongIssuer("erin", List.of("auditor")));

        assertUnauthenticated(reply, "iss");
    }

    @Test
    void aJwtForAnotherAudienceIs401SayingSo() {
        Reply reply = withJwt("GET", DIGEST, TestJwts.wrongAudience("erin", List.of("auditor")));

        assertUnauthenticated(reply, "aud");
    }

    @Test
    void aJwtSignedByAnUntrustedKeyIs401SayingSo() {
        Reply reply = withJwt("GET", DIGEST, TestJwts.wrongSignature("erin", List.of("auditor")));

        assertUnauthenticated(reply, "signature");
    }

    @Test
    void anUnsignedJwtIs401() {
        String header =
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String claims = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        ("{\"sub\":\"mallory\",\"iss\":\"" + TestJwts.ISSUER + "\",\"roles\":[\"admin\"]}").getBytes());

        Reply reply = withJwt("GET", DIGEST, header + "." + claims + ".");

        assertUnauthenticated(reply, "JWT was refused");
    }

    @Test
    void aGenuineJwtWithoutALedgerRoleIs403NamingTheClaim() {
        for (String jwt : List.of(
                TestJwts.valid("gina", null),
                TestJwts.valid("gina", List.of("viewer", "offline_access")),
                TestJwts.withClaims(Map.of("groups", List.of("auditor"))))) {
            Reply reply = withJwt("GET", "/api/v1/databases", jwt);

            assertThat(reply.status()).as(reply.text()).isEqualTo(403);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.body().get("detail").asText())
                    .contains("claim 'roles' is missing or names none of")
                    .contains("auditor");
            assertThat(reply.body().get("rolesClaim").asText()).isEqualTo("roles");
        }
    }

    @Test
    void theTokenFileWorksBesideJwts() {
        assertThat(get(DIGEST, "audrey").status()).isEqualTo(200);
        assertThat(get(DIGEST, "alice").status()).isEqualTo(403);
        Reply unknown = send("GET", DIGEST, null, null, "Authorization", "Bearer not-a-token");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body().get("detail").asText()).doesNotContain("JWT");
    }

    private void assertUnauthenticated(Reply reply, String reason) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(reply.body().get("type").asText()).endsWith("/unauthenticated");
        assertThat(reply.body().get("detail").asText())
                .startsWith("The JWT was refused")
                .contains(reason);
    }

    private Reply withJwt(String method, String path, String jwt) {
        return send(method, path, null, null, "Authorization", "Bearer " + jwt);
    }

    private static List<String> principals(JsonNode events) {
        JsonNode list = events.isArray() ? events : events.path("events");
        return StreamSupport.stream(list.spliterator(), false)
                .map(event -> event.path("principal").asText())
                .toList();
    }
}
