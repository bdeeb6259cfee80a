package org.migrationledger.projection.drift;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Drift thresholds and the gate.
 *
 * @param pendingThreshold how long an approved migration may wait for the last environment of the path before it is
 *     reported as {@code PENDING_TOO_LONG}
 * @param gateEnvironments environments in which open drift blocks a rollout (asked through {@code FindOpenDrift})
 * @param gateKinds the finding kinds that block; kinds a rollout itself resolves or that never resolve stay out
 */
@ConfigurationProperties("ledger.drift")
public record DriftSettings(
        @DefaultValue("7d") Duration pendingThreshold,
        @DefaultValue("production") List<String> gateEnvironments,

        @DefaultValue({
            "PROMOTION_ORDER",
            "MISSING_IN_EARLIER_ENVIRONMENT",
            "FAILED_UNRESOLVED",
            "CHECKSUM_MISMATCH",
            "UNAPPROVED_APPLY"
        })
        List<String> gateKinds) {

    public DriftSettings {
        gateEnvironments = List.copyOf(gateEnvironments);
        gateKinds = List.copyOf(gateKinds);
    }

    public static DriftSettings defaults() {
        return new DriftSettings(
                Duration.ofDays(7),
                List.of("production"),
                List.of(
                        "PROMOTION_ORDER",
                        "MISSING_IN_EARLIER_ENVIRONMENT",
                        "FAILED_UNRESOLVED",
                        "CHECKSUM_MISMATCH",
                        "UNAPPROVED_APPLY"));
    }
}
