package org.migrationledger.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rejects a proposed migration. */
public record RejectMigration(
        @TargetAggregateIdentifier String database, String migrationId, String rejectedBy, String reason) {}
