package org.migrationledger.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunable parts of the promotion policy.
 *
 * @param contractStabilityReleases how many releases must reach the last environment after an {@code expand}
 *     migration was applied there before its {@code contract} counterpart may follow (the seeds' stability window)
 */
@ConfigurationProperties("ledger.policy")
public record PolicySettings(@DefaultValue("2") int contractStabilityReleases) {

    public PolicySettings {
        if (contractStabilityReleases < 0) {
            throw new IllegalArgumentException("ledger.policy.contract-stability-releases must not be negative");
        }
    }
}
