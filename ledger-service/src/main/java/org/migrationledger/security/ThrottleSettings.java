package org.migrationledger.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Throttling of repeated authentication failures (docs/security.md, "Throttling").
 *
 * @param failureLimit failed authentications one client address may make in a window before its credentials are no
 *     longer checked
 * @param window how long a client's count lasts from its first failure
 * @param maximumClients how many client addresses are tracked at most, so that a flood from many addresses cannot
 *     exhaust the heap; beyond it the least recently seen are forgotten
 */
@ConfigurationProperties("ledger.security.throttle")
public record ThrottleSettings(
        @DefaultValue("20") int failureLimit,
        @DefaultValue("1m") Duration window,
        @DefaultValue("10000") int maximumClients) {

    public ThrottleSettings {
        if (failureLimit < 1) {
            throw new IllegalArgumentException(
                    "ledger.security.throttle.failure-limit must be at least 1, was " + failureLimit);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("ledger.security.throttle.window must be positive, was " + window);
        }
        if (maximumClients < 1) {
            throw new IllegalArgumentException(
                    "ledger.security.throttle.maximum-clients must be at least 1, was " + maximumClients);
        }
    }
}
