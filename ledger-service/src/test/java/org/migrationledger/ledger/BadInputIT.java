package org.migrationledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every bad input gets a precise problem, and nothing already recorded changes. */
class BadInputIT extends LedgerServiceIT {

    private static final String DB = "/api/v1/databases/shop";
    private static final String SCRIPT = "create table orders (id bigint primary key);";

    @Autowired
    JdbcClient jdbc;

    private long eventsBefore;

    @BeforeEach
    void registerAndPropose() {
        put(DB, "admin", null);
        post(
                DB + "/migrations",
                "alice",
                ProposalBody.expand("0001_create_orders", "1.0.0", SCRIPT).json());
        eventsBefore = eventCount();
    }

    @Test
    void malformedJsonIsA400() {
        Reply reply = post(DB + "/migrations", "alice", "{\"migrationId\": \"0002_x\", ");

        assertProblem(reply, 400, "malformed-json");
    }

    @Test
    void textThePostgresqlReadModelsCannotHoldIsRefusedWithTheFieldNamed() {
        Reply nul = post(
                DB + "/migrations",
                "alice",
                ProposalBody.expand("0002_nul", "1.1.0", SCRIPT)
                        .with("description", "before\u0000after")
                        .json());
        Reply longCorrelation = post(
                DB + "/migrations",
                "alice",
                ProposalBody.expand("0002_long", "1.1.0", SCRIPT).json(),
                "X-Correlation-Id",
                "c".repeat(201));

        assertProblem(nul, 400, "invalid-request");
        assertThat(fields(nul)).containsExactly("description");
        assertProblem(longCorrelation, 400, "invalid-request");
        assertThat(fields(longCorrelation)).containsExactly("X-Correlation-Id");
    }

    @Test
    void missingFieldsAreNamed() {
        Reply reply = post(DB + "/migrations", "alice", json("migrationId", "0002_x", "script", "select 1;"));

        assertProblem(reply, 400, "invalid-request");
        assertThat(fields(reply)).containsExactly("description", "risk", "version");
    }

    @Test
    void badIdsAndVersionsAreNamed() {
        Reply reply = post(
                DB + "/migrations",
                "alice",
                ProposalBody.expand("add_stuff", "1.0", SCRIPT).json());

        assertProblem(reply, 400, "invalid-request");
        assertThat(fields(reply)).containsExactly("version");
        Reply badId = post(
                DB + "/migrations",
                "alice",
                ProposalBody.expand("add_stuff", "1.1.0", SCRIPT).json());
        assertProblem(badId, 400, "invalid-migration-id");
        assertThat(fields(badId)).containsExactly("migrationId");
    }

    @Test
    void aChecksumThatDoesNotMatchTheScriptIsA422() {
        String body = ProposalBody.of("0002_add_total", "1.1.0", "select 2;")
                .with("checksum", "a".repeat(64))
                .with("category", "expand")
                .json();

        Reply reply = post(DB + "/migrations", "alice", body);

        assertProblem(reply, 422, "checksum-mismatch");
        assertThat(fields(reply)).containsExactly("checksum");
    }

    @Test
    void aCollidingIdOrVersionIsA409() {
        assertProblem(
                post(
                        DB + "/migrations",
                        "alice",
                        ProposalBody.expand("0001_create_orders", "1.1.0", "select 3;")
                                .json()),
                409,
                "migration-id-collision");
        assertProblem(
                post(
                        DB + "/migrations",
                        "alice",
                        ProposalBody.expand("0002_other", "1.0.0", "select 3;").json()),
                409,
                "version-collision");
    }

    @Test
    void anUnknownDatabaseIsA404() {
        assertProblem(
                post(
                        "/api/v1/databases/nowhere/migrations",
                        "alice",
                        ProposalBody.expand("0001_a", "1.0.0", SCRIPT).json()),
                404,
                "unknown-database");
    }

    @Test
    void anUnknownEnvironmentOrMigrationIsA404() {
        String fact = json(
                "migrationId", "0001_create_orders", "checksum", ProposalBody.checksum(SCRIPT), "outcome", "SUCCEEDED");
        assertProblem(post(DB + "/environments/qa/applies", "ci", fact), 404, "unknown-environment");

        // Asking the gate about a migration nobody proposed is a mistake; reporting that one ran is a fact, recorded
        // as unproposed (GovernanceIT).
        Reply reply = post(DB + "/environments/local/gate", "ci", json("migrationId", "0099_nothing"));
        assertProblem(reply, 404, "unknown-migration");
        assertThat(fields(reply)).containsExactly("migrationId");
    }

    @Test
    void anUnknownOutcomeListsTheAllowedValues() {
        String fact = json(
                "migrationId", "0001_create_orders", "checksum", ProposalBody.checksum(SCRIPT), "outcome", "WORKED");

        Reply reply = post(DB + "/environments/local/applies", "ci", fact);

        assertProblem(reply, 400, "invalid-request");
        assertThat(reply.body().get("detail").asText()).contains("SUCCEEDED", "FAILED", "WORKED");
    }

    @Test
    void aMisspelledFieldIsNamedRatherThanIgnored() {
        String fact = json(
                "migrationId", "0001_create_orders", "checkSum", ProposalBody.checksum(SCRIPT), "outcome", "SUCCEEDED");

        Reply reply = post(DB + "/environments/local/applies", "ci", fact);

        assertProblem(reply, 400, "invalid-request");
        assertThat(fields(reply)).containsExactly("checkSum");
    }

    @Test
    void anOversizedBodyIsA413() {
        String huge = ProposalBody.expand("0002_huge", "1.1.0", "-- " + "x".repeat(3 * 1024 * 1024))
                .json();

        assertProblem(post(DB + "/migrations", "alice", huge), 413, "body-too-large");
    }

    @Test
    void aBadPathNameIsA400() {
        Reply reply = put("/api/v1/databases/Bad%20Name", "admin", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    /** Reads check their path as writes do: a name that cannot exist is a bad request, not an unknown one. */
    @Test
    void aBadPathNameInAReadIsA400NamingIt() {
        for (String path : List.of(
                "/api/v1/databases/Bad_DB/drift",
                "/api/v1/databases/Bad_DB/compatibility",
                "/api/v1/databases/shop/environments/PROD/versions",
                "/api/v1/databases/9shop/migrations/0001_create_orders",
                "/api/v1/databases/Bad_DB/schema-comparison?to=production")) {
            Reply reply = get(path, "audrey");
            assertProblem(reply, 400, "invalid-request");
            assertThat(fields(reply)).as(path).containsExactly(path.contains("PROD") ? "env" : "db");
        }
        assertProblem(get(DB + "/migrations/not-an-id", "audrey"), 400, "invalid-migration-id");
    }

    @Test
    void aDuplicateEnvironmentIsNamed() {
        Reply reply = put("/api/v1/databases/other", "admin", json("environments", List.of("ci", "ci")));

        assertProblem(reply, 400, "invalid-request");
        assertThat(fields(reply)).containsExactly("environments");
    }

    @Test
    void aMissingQueryParameterIsNamed() {
        Reply reply = get("/api/v1/databases/shop/schema-comparison?from=ci", "audrey");

        assertProblem(reply, 400, "invalid-request");
        assertThat(fields(reply)).containsExactly("to");
    }

    @Test
    void anUnacceptableFormatIsA406Problem() {
        // Not a 500: the client asked for a format no endpoint writes. Polled: until the drift read model has seen
        // the registration, the answer is a 404 for the unknown database.
        await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            Reply reply = get(DB + "/drift", "audrey", "Accept", "image/png");
            assertThat(reply.status()).as(reply.text()).isEqualTo(406);
        });
    }

    private void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = reply.body();
        assertThat(body.get("type").asText()).endsWith("/" + type);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        assertThat(eventCount()).as("nothing recorded changed").isEqualTo(eventsBefore);
    }

    private static List<String> fields(Reply reply) {
        return java.util.stream.StreamSupport.stream(reply.body().get("errors").spliterator(), false)
                .map(error -> error.get("field").asText())
                .toList();
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry")
                .query(Long.class)
                .single();
    }
}
