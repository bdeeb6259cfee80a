package org.migrationledger.ledger;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

/**
 * Axon's snapshotter, storing a {@link SchemaLedgerSnapshot} instead of the aggregate object itself, so that what is
 * stored is a versioned contract rather than whatever fields the aggregate has today.
 */
public final class SchemaLedgerSnapshotter extends AggregateSnapshotter {

    public SchemaLedgerSnapshotter(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected DomainEventMessage createSnapshot(
            Class<?> aggregateType, String aggregateIdentifier, DomainEventStream eventStream) {
        DomainEventMessage<?> snapshot = super.createSnapshot(aggregateType, aggregateIdentifier, eventStream);
        if (snapshot == null || !(snapshot.getPayload() instanceof SchemaLedger ledger)) {
            return snapshot;
        }
        return new GenericDomainEventMessage<>(
                snapshot.getType(), aggregateIdentifier, snapshot.getSequenceNumber(), ledger.snapshot());
    }
}
