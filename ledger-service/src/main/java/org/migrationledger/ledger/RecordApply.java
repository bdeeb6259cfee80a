package org.migrationledger.ledger;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a migration was applied to an environment, successfully or not. A fact: never refused for policy. */
public record RecordApply(
        @TargetAggregateIdentifier String database,
        String migrationId,
        String environment,
        String checksum,
        boolean succeeded,
        Instant startedAt,
        Long durationMs,
        String error,
        String tool,
        String runUrl,
        String deployedBy) {}
