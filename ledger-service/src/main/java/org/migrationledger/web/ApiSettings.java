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
 */
@ConfigurationProperties("ledger.api")
public record ApiSettings(
        @DefaultValue("2MB") DataSize maxBodySize,
        @DefaultValue("24h") Duration idempotencyRetention,
        @DefaultValue("30s") Duration idempotencyAbandonedAfter) {}
