package org.migrationledger.evidence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param interval how often the chainer looks for events to link; a committed event is linked within about this
 *     long (longer while an earlier event's transaction is still open)
 * @param batchSize how many events one chainer transaction links at most
 * @param awaitTimeout how long a digest or export asked for {@code minPosition} waits for the chain to reach it
 */
@ConfigurationProperties("ledger.chain")
public record ChainSettings(
        @DefaultValue("200ms") Duration interval,
        @DefaultValue("500") int batchSize,
        @DefaultValue("10s") Duration awaitTimeout) {}
