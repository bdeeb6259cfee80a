package org.migrationledger.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a migration is replaced by another one of the database. A decision: refused unless by the proposer of
 * either migration or an admin.
 *
 * @param admin whether the caller holds the admin role
 */
public record SupersedeMigration(
        @TargetAggregateIdentifier String database,
        String migrationId,
        String replacementMigrationId,
        String supersededBy,
        boolean admin,
        String reason) {}
