package org.migrationledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stuck key of issue 14: a claim left in flight (a first attempt whose answer was never stored) never answers
 * 409 forever. While it is young the retry is told to come back (503 with Retry-After); once abandoned the retry takes
 * the key over, the ledger decides the request on its own state, and the answer is stored under the key.
 */
class AbandonedIdempotencyKeyIT extends LedgerServiceIT {

    private static final String PROPOSALS = "/api/v1/databases/stuck/migrations";

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void register() {
        assertThat(put("/api/v1/databases/stuck", "admin", null).status()).isIn(200, 201);
    }

    @Test
    void aYoungClaimInFlightIsARetryableAnswer() {
        String body = ProposalBody.of("0001_young", "1.0.0", "select 1;").json();
        leaveInFlight(
                "young-key",
                Duration.ofSeconds(1),
                IdempotencyFilter.requestHash("POST", PROPOSALS, body.getBytes(StandardCharsets.UTF_8)));

        Reply retry = post(PROPOSALS, "alice", body, "Idempotency-Key", "young-key");

        assertThat(retry.status()).isEqualTo(503);
        assertThat(retry.header("Retry-After")).isNotBlank();
        assertThat(retry.body().get("type").asText()).endsWith("/idempotency-key-in-flight");
        assertThat(stateOf("young-key")).isEqualTo("IN_FLIGHT");
    }

    @Test
    void anAbandonedClaimIsTakenOverAndAnsweredOnce() {
        leaveInFlight("old-key", Duration.ofMinutes(5), "a".repeat(64));
        String body = ProposalBody.of("0002_abandoned", "2.0.0", "select 2;").json();

        Reply takenOver = post(PROPOSALS, "alice", body, "Idempotency-Key", "old-key");
        Reply replayed = post(PROPOSALS, "alice", body, "Idempotency-Key", "old-key");

        assertThat(takenOver.status()).as(takenOver.text()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(stateOf("old-key")).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("select count(*) from domain_event_entry where payload_type like '%MigrationProposed'"
                                + " and convert_from(payload, 'UTF8')::jsonb ->> 'migrationId' = '0002_abandoned'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /** What a release that committed the claim apart from the answer left when its request died. */
    private void leaveInFlight(String key, Duration age, String requestHash) {
        jdbc.sql("insert into idempotency_record (principal, idempotency_key, request_hash, state, created_at)"
                        + " values ('alice', ?, ?, 'IN_FLIGHT', ?)")
                .params(key, requestHash, Timestamp.from(Instant.now().minus(age)))
                .update();
    }

    private String stateOf(String key) {
        return jdbc.sql("select state from idempotency_record where principal = 'alice' and idempotency_key = ?")
                .param(key)
                .query(String.class)
                .single();
    }
}
