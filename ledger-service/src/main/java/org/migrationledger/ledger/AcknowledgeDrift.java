package org.migrationledger.ledger;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Accepts open drift findings of one kind in one environment. The caller names the findings it found open (their
 * details), so that the acknowledgement covers the drift as it stood, not what it may grow into.
 */
public record AcknowledgeDrift(
        @TargetAggregateIdentifier String database,
        String acknowledgementId,
        String kind,
        String environment,
        String migrationId,
        String object,
        List<String> findings,
        String reason,
        String acknowledgedBy,
        Instant expiresAt) {}
