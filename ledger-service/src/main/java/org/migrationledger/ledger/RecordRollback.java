package org.migrationledger.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a migration was rolled back in an environment. A fact: never refused for policy.
 *
 * @param version the version to record if the ledger has never seen the migration; ignored for a known one
 */
public record RecordRollback(
        @TargetAggregateIdentifier String database,
        String migrationId,
        String environment,
        String version,
        String method,
        String reason,
        String tool,
        String runUrl) {}
