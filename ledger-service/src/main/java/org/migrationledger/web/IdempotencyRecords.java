package org.migrationledger.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    /** Claims the key for this request; empty when it was free, else what is already stored under it. */
    Optional<StoredRecord> claim(String principal, String key, String requestHash) {
        Instant now = clock.instant();
        forgetExpired(principal, key, now);
        int inserted = jdbc.sql("insert into idempotency_record (principal, idempotency_key, request_hash, state,"
                        + " created_at) values (?, ?, ?, 'IN_FLIGHT', ?) on conflict do nothing")
                .params(principal, key, requestHash, Timestamp.from(now))
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

    /** Frees the key after a failure that recorded nothing, so the client's retry is handled afresh. */
    void release(String principal, String key) {
        jdbc.sql("delete from idempotency_record where principal = ? and idempotency_key = ? and state = 'IN_FLIGHT'")
                .params(principal, key)
                .update();
    }

    private void forgetExpired(String principal, String key, Instant now) {
        jdbc.sql("delete from idempotency_record where principal = ? and idempotency_key = ? and created_at < ?")
                .params(principal, key, Timestamp.from(now.minus(settings.idempotencyRetention())))
                .update();
    }

    record StoredRecord(
            String requestHash, boolean completed, int status, String contentType, byte[] body, Long position) {}
}
