package org.migrationledger.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts failed authentications per client address in a fixed window from the first failure. Once a client reaches
 * the limit, its credentials are not checked until the window ends: a guesser learns nothing from a right guess, so
 * the limit bounds guesses per window. Successful authentications are never counted and never reset a count (a
 * client holding one valid token could otherwise keep guessing others). The table is bounded, so many addresses
 * cannot exhaust the heap.
 */
@Component
public class AuthenticationThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationThrottle.class);

    private final ThrottleSettings settings;
    private final Clock clock;
    private final Cache<String, Window> windows;

    public AuthenticationThrottle(ThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.windows = Caffeine.newBuilder()
                .maximumSize(settings.maximumClients())
                .expireAfterWrite(settings.window())
                .build();
    }

    /** How long the client must wait before its credentials are checked again; empty when they are checked now. */
    public Optional<Duration> blockedFor(String client) {
        Window window = windows.getIfPresent(client);
        if (window == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        long endsAt = window.startedAt() + settings.window().toMillis();
        if (now >= endsAt || window.failures() < settings.failureLimit()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(endsAt - now));
    }

    public void recordFailure(String client) {
        long now = clock.millis();
        Window window = windows.asMap().compute(client, (address, current) -> {
            if (current == null
                    || now >= current.startedAt() + settings.window().toMillis()) {
                return new Window(now, 1);
            }
            return new Window(current.startedAt(), current.failures() + 1);
        });
        if (window.failures() == settings.failureLimit()) {
            LOG.warn(
                    "Client {} failed to authenticate {} times within {}; its credentials are refused unchecked until"
                            + " the window ends",
                    client,
                    window.failures(),
                    settings.window());
        }
    }

    /** Addresses currently tracked (bounded by {@code ledger.security.throttle.maximum-clients}). */
    long trackedClients() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    private record Window(long startedAt, int failures) {}
}
