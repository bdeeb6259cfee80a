package org.migrationledger.ledger;

import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a ledger snapshot be used only if it can really be read: upcast to the current revision and deserialised into
 * a {@link SchemaLedgerSnapshot}. Axon falls back to the full event stream when reading a snapshot fails, but it
 * deserialises payloads lazily, after that fallback has been decided; a corrupt snapshot would then fail the command
 * instead, and one of a newer revision (written by a newer node during a rolling deploy) might even be read into the
 * wrong fields. Checking here moves the
 * failure inside the read, so the ledger logs it and rebuilds from the events (ADR 0003, ADR-026's fallback).
 */
public final class SchemaLedgerSnapshotFilter implements SnapshotFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaLedgerSnapshotFilter.class);
    private static final String CURRENT_REVISION =
            SchemaLedgerSnapshot.class.getAnnotation(Revision.class).value();

    private final Serializer serializer;
    private final EventUpcaster upcasters;

    public SchemaLedgerSnapshotFilter(Serializer serializer, EventUpcaster upcasters) {
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    @Override
    public boolean test(DomainEventData<?> snapshot) {
        try {
            IntermediateEventRepresentation upcast = upcasters
                    .upcast(Stream.of(new InitialEventRepresentation(snapshot, serializer)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no snapshot left after upcasting"));
            if (!CURRENT_REVISION.equals(upcast.getType().getRevision())) {
                throw new IllegalStateException("this ledger reads snapshots up to revision " + CURRENT_REVISION);
            }
            Object payload = serializer.deserialize(upcast.getData());
            if (payload instanceof SchemaLedgerSnapshot) {
                return true;
            }
            throw new IllegalStateException("it reads as " + payload.getClass().getName());
        } catch (RuntimeException e) {
            LOG.warn(
                    "Ignoring the snapshot of ledger {} at sequence {} ({} revision {}): {}. Rebuilding from events.",
                    snapshot.getAggregateIdentifier(),
                    snapshot.getSequenceNumber(),
                    snapshot.getPayload().getType().getName(),
                    snapshot.getPayload().getType().getRevision(),
                    e.toString());
            return false;
        }
    }
}
