package org.migrationledger.ledger;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a migration was applied to an environment, successfully or not. A fact: never refused for policy.
 *
 * @param version the version to record if the ledger has never seen the migration (it then becomes known as
 *     unproposed); ignored for a known one
 * @param failedStatement the statement that failed, as the pipeline sent it; null for a success or when not sent
 */
public record RecordApply(
        @TargetAggregateIdentifier String database,
        String migrationId,
        String environment,
        String version,
        String checksum,
        boolean succeeded,
        Instant startedAt,
        Long durationMs,
        String error,
        String failedStatement,
        String tool,
        String runUrl,
        String deployedBy) {}
