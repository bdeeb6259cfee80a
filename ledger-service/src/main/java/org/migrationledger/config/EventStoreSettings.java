package org.migrationledger.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How read-model processors treat holes in {@code global_index} (docs/adr/0014). A hole is an event whose transaction
 * took its index but has not committed yet, or one that rolled back and never will; a processor remembers holes in its
 * token and reads them again until they fill, and gives one up only when it is older than these bounds. An event that
 * commits after its hole was given up is never projected, so the bounds must exceed any slow commit.
 *
 * @param gapTimeout a hole below an event stored longer ago than this is given up (Axon's default: 1 minute)
 * @param maxGapOffset a hole this many positions below the newest event read is given up (Axon's default: 10 000,
 *     seconds of writes under load); kept below PostgreSQL's 65 535 bind parameters, as every hole is one in the
 *     processor's query
 * @param gapCleaningThreshold above this many holes, a processor looks for ones old enough to give up
 * @param batchSize events one query reads, for a processor's stream and for a ledger's load (Axon's default: 100); a
 *     rebuild reads the whole store in such pages, and with 100 it spent a round trip per ~50 events
 */
@ConfigurationProperties("ledger.event-store")
public record EventStoreSettings(
        @DefaultValue("15m") Duration gapTimeout,
        @DefaultValue("50000") int maxGapOffset,
        @DefaultValue("250") int gapCleaningThreshold,
        @DefaultValue("500") int batchSize) {}
