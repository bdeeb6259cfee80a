package org.migrationledger.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the ledger of a database is snapshotted.
 *
 * @param threshold how many events a load may replay before a snapshot is taken after the command; a load then reads
 *     the snapshot and at most this many events after it
 */
@ConfigurationProperties("ledger.snapshots")
public record SnapshotSettings(@DefaultValue("250") int threshold) {

    public SnapshotSettings {
        if (threshold < 1) {
            throw new IllegalArgumentException("ledger.snapshots.threshold must be at least 1");
        }
    }
}
