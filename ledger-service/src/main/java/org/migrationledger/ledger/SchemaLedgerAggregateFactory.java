package org.migrationledger.ledger;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;

/**
 * Builds a {@link SchemaLedger} either empty (for a stream read from its first event) or from a
 * {@link SchemaLedgerSnapshot} (for a stream that starts with one). Axon uses it for loading and for snapshotting,
 * because the bean is named {@code schemaLedgerAggregateFactory}.
 */
public final class SchemaLedgerAggregateFactory implements AggregateFactory<Object> {

    @Override
    public Object createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
        if (SchemaLedgerSnapshot.class.equals(firstEvent.getPayloadType())) {
            return SchemaLedger.fromSnapshot((SchemaLedgerSnapshot) firstEvent.getPayload());
        }
        if (firstEvent.getSequenceNumber() != 0) {
            // Never build an empty ledger and replay only a tail: that would be a wrong state that looks right.
            throw new IllegalStateException("The stream of ledger " + aggregateIdentifier + " starts at sequence "
                    + firstEvent.getSequenceNumber() + " with "
                    + firstEvent.getPayloadType().getName()
                    + ", which is neither its first event nor a snapshot it can read.");
        }
        return new SchemaLedger();
    }

    @Override
    public Class<Object> getAggregateType() {
        return aggregateType();
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> aggregateType() {
        return (Class<Object>) (Class<?>) SchemaLedger.class;
    }
}
