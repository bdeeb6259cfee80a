package org.migrationledger.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks whether a migration may be applied to an environment now. Sent as a command so that it is answered from the
 * same consistent state that judges the apply that follows; it records nothing.
 *
 * @param checksum the checksum about to run; null to assume the approved (or proposed) one
 */
public record CheckGate(
        @TargetAggregateIdentifier String database, String migrationId, String environment, String checksum) {}
