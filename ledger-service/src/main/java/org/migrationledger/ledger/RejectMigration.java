package org.migrationledger.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rejects a proposed migration. */
record RejectMigration(
        @TargetAggregateIdentifier String database, String migrationId, String rejectedBy, String reason) {}
