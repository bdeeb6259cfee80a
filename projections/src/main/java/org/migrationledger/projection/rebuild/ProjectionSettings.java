package org.migrationledger.projection.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How read models are run and read.
 *
 * @param minPositionTimeout how long a read with {@code minPosition} waits for its read model before it answers stale
 * @param minPositionPollInterval how often such a read looks at the read model's position while it waits
 * @param reconcileInterval how often each node aligns its running processors with {@code projection_generation}
 * @param progressLogInterval how often a running rebuild logs its progress
 * @param claimExtensionThreshold how soon an idle segment stores the position it skipped to (so that other nodes see
 *     it)
 * @param consistencyCheckInterval how often the audit trail's newly processed positions (and a recent tail before them)
 *     are compared with the event store, and the generation rebuilt when events are missing
 * @param consistencyFullCheckInterval how often the whole audit trail is compared instead; the first full check runs
 *     at start-up
 */
@ConfigurationProperties("ledger.projection")
public record ProjectionSettings(
        @DefaultValue("5s") Duration minPositionTimeout,
        @DefaultValue("20ms") Duration minPositionPollInterval,
        @DefaultValue("1s") Duration reconcileInterval,
        @DefaultValue("5s") Duration progressLogInterval,
        @DefaultValue("1s") Duration claimExtensionThreshold,
        @DefaultValue("10m") Duration consistencyCheckInterval,
        @DefaultValue("24h") Duration consistencyFullCheckInterval) {

    public static ProjectionSettings defaults() {
        return new ProjectionSettings(
                Duration.ofSeconds(5),
                Duration.ofMillis(20),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofMinutes(10),
                Duration.ofHours(24));
    }
}
