package org.migrationledger.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Withdraws a proposed migration before it ran anywhere. A decision: refused unless by its proposer or an admin.
 *
 * @param admin whether the caller holds the admin role
 */
public record WithdrawMigration(
        @TargetAggregateIdentifier String database,
        String migrationId,
        String withdrawnBy,
        boolean admin,
        String reason) {}
