package org.migrationledger.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API.
 *
 * @param maxBodySize the largest request body accepted; migration scripts are the big ones
 * @param idempotencyRetention how long an {@code Idempotency-Key} and its first answer are remembered
 * @param idempotencyAbandonedAfter how old a claim still marked in flight must be before a retry takes it over: claims
 *     commit with their answer, so one seen in flight is a leftover of a release that committed them apart, or of a
 *     first attempt still running, which no transaction outlives by this long
 * @param concurrentWrites writes run at the same time; the others wait in order of arrival (WriteAdmissionFilter).
 *     About twice the cores: enough to keep the cores and the commit pipeline busy, few enough to leave reads a core
 *     and the connection pool
 * @param writeQueueTimeout how long a write waits for its turn before it is answered 503 with Retry-After
 */
@ConfigurationProperties("ledger.api")
public record ApiSettings(
        @DefaultValue("2MB") DataSize maxBodySize,
        @DefaultValue("24h") Duration idempotencyRetention,
        @DefaultValue("30s") Duration idempotencyAbandonedAfter,
        @DefaultValue("4") int concurrentWrites,
        @DefaultValue("10s") Duration writeQueueTimeout) {

    public ApiSettings {
        if (concurrentWrites < 1) {
            throw new IllegalArgumentException(
                    "ledger.api.concurrent-writes must be at least 1, was " + concurrentWrites);
        }
    }
}
