package org.migrationledger.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws an acknowledgement of drift; the caller has found it in force. */
public record WithdrawDriftAcknowledgement(
        @TargetAggregateIdentifier String database, String acknowledgementId, String withdrawnBy) {}
