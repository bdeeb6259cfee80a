package org.migrationledger.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Approves a migration in a role the approver holds.
 *
 * @param checksum the checksum the approver reviewed; null to approve the current one
 */
public record ApproveMigration(
        @TargetAggregateIdentifier String database,
        String migrationId,
        String approvedBy,
        String role,
        String checksum,
        String comment) {}
