package org.migrationledger.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhook deliveries are sent.
 *
 * @param sendInterval how often the sender looks for due deliveries
 * @param firstRetry the wait after the first failed attempt; doubled after each further one, up to {@code maxRetry}
 * @param maxAttempts attempts before a delivery is given up (kept in the log, marked)
 * @param timeout for one attempt
 * @param batchSize due deliveries one pass of the sender takes at most
 * @param driftCheckInterval how often open drift is compared with the last check, to announce what opened or worsened
 */
@ConfigurationProperties("ledger.webhooks")
record WebhookSettings(
        @DefaultValue("1s") Duration sendInterval,
        @DefaultValue("2s") Duration firstRetry,
        @DefaultValue("10m") Duration maxRetry,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("20") int batchSize,
        @DefaultValue("1m") Duration driftCheckInterval) {}
