package org.migrationledger.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The stored first answers to writes sent with an {@code Idempotency-Key}, per principal. */
@Component
public class IdempotencyRecords {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApiSettings settings;

    public IdempotencyRecords(JdbcClient jdbc, Clock clock, ApiSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Claims the key for this request; empty when it was free (or only held by an expired claim or an abandoned one
     * still in flight, which it replaces in the same statement), else what is already stored under it. A claim whose
     * transaction still runs is not visible: the statement waits for it (bounded by the connection's lock_timeout) and
     * then sees its answer, or a free key if it rolled back.
     */
    Optional<StoredRecord> claim(String principal, String key, String requestHash) {
        Instant now = clock.instant();
        int inserted = jdbc.sql("insert into idempotency_record (principal, idempotency_key, request_hash, state,"
                        + " created_at) values (?, ?, ?, 'IN_FLIGHT', ?)"
                        + " on conflict (principal, idempotency_key) do update set request_hash = excluded.request_hash,"
                        + " state = 'IN_FLIGHT', response_status = null, response_type = null, response_body = null,"
                        + " ledger_position = null, created_at = excluded.created_at, completed_at = null"
                        + " where idempotency_record.created_at < ?"
                        + " or (idempotency_record.state = 'IN_FLIGHT' and idempotency_record.created_at < ?)")
                .params(
                        principal,
                        key,
                        requestHash,
                        Timestamp.from(now),
                        Timestamp.from(expiredBefore(now)),
                        Timestamp.from(now.minus(settings.idempotencyAbandonedAfter())))
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql("select request_hash, state, response_status, response_type, response_body, ledger_position"
                        + " from idempotency_record where principal = ? and idempotency_key = ?")
                .params(principal, key)
                .query((rs, row) -> new StoredRecord(
                        rs.getString(1),
                        "COMPLETED".equals(rs.getString(2)),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getBytes(5),
                        (Long) rs.getObject(6)))
                .optional();
    }

    void complete(String principal, String key, int status, String contentType, byte[] body, Long position) {
        jdbc.sql("update idempotency_record set state = 'COMPLETED', response_status = ?, response_type = ?,"
                        + " response_body = ?, ledger_position = ?, completed_at = ?"
                        + " where principal = ? and idempotency_key = ?")
                .params(status, contentType, body, position, Timestamp.from(clock.instant()), principal, key)
                .update();
    }

    /** Forgets every answer older than the retention, so the table holds a day of keys, not all of history. */
    @Scheduled(fixedDelayString = "${ledger.api.idempotency-purge-interval:PT1H}")
    public int purgeExpired() {
        return jdbc.sql("delete from idempotency_record where created_at < ?")
                .param(Timestamp.from(expiredBefore(clock.instant())))
                .update();
    }

    private Instant expiredBefore(Instant now) {
        return now.minus(settings.idempotencyRetention());
    }

    record StoredRecord(
            String requestHash, boolean completed, int status, String contentType, byte[] body, Long position) {}
}
