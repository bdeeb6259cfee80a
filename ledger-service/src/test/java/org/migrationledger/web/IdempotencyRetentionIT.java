package org.migrationledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idempotency keys are kept for the retention (24 h), then reusable and purged. */
class IdempotencyRetentionIT extends LedgerServiceIT {

    @Autowired
    IdempotencyRecords records;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anExpiredKeyIsClaimedAfreshInOneStatement() {
        storeCompleted("ci", "old-key", Duration.ofHours(30));
        storeCompleted("ci", "fresh-key", Duration.ofHours(1));

        assertThat(records.claim("ci", "old-key", "b".repeat(64))).isEmpty();
        assertThat(records.claim("ci", "fresh-key", "b".repeat(64)))
                .hasValueSatisfying(stored -> assertThat(stored.completed()).isTrue());
        assertThat(state("old-key")).isEqualTo("IN_FLIGHT");
    }

    @Test
    void purgingForgetsOnlyExpiredAnswers() {
        storeCompleted("audrey", "expired", Duration.ofHours(25));
        storeCompleted("audrey", "kept", Duration.ofMinutes(5));

        int purged = records.purgeExpired();

        assertThat(purged).isPositive();
        assertThat(jdbc.sql("select idempotency_key from idempotency_record where principal = 'audrey'")
                        .query(String.class)
                        .list())
                .isEqualTo(List.of("kept"));
    }

    private void storeCompleted(String principal, String key, Duration age) {
        jdbc.sql("insert into idempotency_record (principal, idempotency_key, request_hash, state, response_status,"
                        + " created_at) values (?, ?, ?, 'COMPLETED', 201, ?)")
                .params(
                        principal,
                        key,
                        "a".repeat(64),
                        Timestamp.from(Instant.now().minus(age)))
                .update();
    }

    private String state(String key) {
        return jdbc.sql("select state from idempotency_record where idempotency_key = ?")
                .param(key)
                .query(String.class)
                .single();
    }
}
