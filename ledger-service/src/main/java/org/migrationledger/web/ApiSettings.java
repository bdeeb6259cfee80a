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
 */
@ConfigurationProperties("ledger.api")
public record ApiSettings(
        @DefaultValue("2MB") DataSize maxBodySize,
        @DefaultValue("24h") Duration idempotencyRetention) {}
