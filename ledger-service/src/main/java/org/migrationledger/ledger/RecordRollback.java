package org.migrationledger.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a migration was rolled back in an environment. A fact: never refused for policy. */
public record RecordRollback(
        @TargetAggregateIdentifier String database,
        String migrationId,
        String environment,
        String method,
        String reason,
        String tool,
        String runUrl) {}
