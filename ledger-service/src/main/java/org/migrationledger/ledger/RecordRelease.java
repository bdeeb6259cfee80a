package org.migrationledger.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that an application release was deployed to an environment. */
public record RecordRelease(
        @TargetAggregateIdentifier String database, String environment, String release, String schemaVersion) {}
