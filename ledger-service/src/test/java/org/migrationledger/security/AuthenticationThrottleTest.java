package org.migrationledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthenticationThrottleTest {

    private final MovableClock clock = new MovableClock();

    @Test
    void aClientIsBlockedAtTheLimitUntilItsWindowEnds() {
        AuthenticationThrottle throttle =
                new AuthenticationThrottle(new ThrottleSettings(3, Duration.ofMinutes(1), 100), clock);
        throttle.recordFailure("10.0.0.1");
        clock.advance(Duration.ofSeconds(10));
        throttle.recordFailure("10.0.0.1");
        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();

        throttle.recordFailure("10.0.0.1");

        assertThat(throttle.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(50));
        assertThat(throttle.blockedFor("10.0.0.2")).as("another address").isEmpty();
        clock.advance(Duration.ofSeconds(49));
        assertThat(throttle.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void aNewWindowStartsAfterTheOldOneEnds() {
        AuthenticationThrottle throttle =
                new AuthenticationThrottle(new ThrottleSettings(2, Duration.ofMinutes(1), 100), clock);
        throttle.recordFailure("10.0.0.1");
        clock.advance(Duration.ofMinutes(2));

        throttle.recordFailure("10.0.0.1");

        assertThat(throttle.blockedFor("10.0.0.1"))
                .as("one failure in the new window")
                .isEmpty();
        throttle.recordFailure("10.0.0.1");
        assertThat(throttle.blockedFor("10.0.0.1")).contains(Duration.ofMinutes(1));
    }

    @Test
    void manyAddressesCannotGrowTheTableBeyondItsBound() {
        AuthenticationThrottle throttle =
                new AuthenticationThrottle(new ThrottleSettings(1, Duration.ofMinutes(1), 500), clock);

        for (int i = 0; i < 20_000; i++) {
            throttle.recordFailure("10.%d.%d.%d".formatted(i >> 16, (i >> 8) & 255, i & 255));
        }

        assertThat(throttle.trackedClients()).isBetween(1L, 500L);
    }

    @Test
    void settingsRefuseALimitOrWindowThatCannotWork() {
        assertThatThrownBy(() -> new ThrottleSettings(0, Duration.ofMinutes(1), 10))
                .hasMessageContaining("failure-limit");
        assertThatThrownBy(() -> new ThrottleSettings(1, Duration.ZERO, 10)).hasMessageContaining("window");
        assertThatThrownBy(() -> new ThrottleSettings(1, Duration.ofMinutes(1), 0))
                .hasMessageContaining("maximum-clients");
    }
}
