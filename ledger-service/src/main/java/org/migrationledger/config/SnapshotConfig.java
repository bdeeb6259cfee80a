package org.migrationledger.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.migrationledger.ledger.SchemaLedgerAggregateFactory;
import org.migrationledger.ledger.SchemaLedgerSnapshotFilter;
import org.migrationledger.ledger.SchemaLedgerSnapshotter;
import org.migrationledger.ledger.SnapshotSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of the schema ledger (docs/adr/0003): a versioned {@code SchemaLedgerSnapshot} every
 * {@code ledger.snapshots.threshold} events, read back through the upcaster chain, and ignored (the ledger is rebuilt
 * from its events) when it cannot be read. Bean names are what {@code @Aggregate} on {@code SchemaLedger} refers to;
 * Axon finds the aggregate factory by its name, {@code schemaLedgerAggregateFactory}.
 */
@Configuration(proxyBeanMethods = false)
class SnapshotConfig {

    @Bean
    AggregateFactory<Object> schemaLedgerAggregateFactory() {
        return new SchemaLedgerAggregateFactory();
    }

    /**
     * Snapshots are taken on the committing thread, right after the command's transaction: a few milliseconds once per
     * threshold, and no snapshot lost to a shutdown between commit and a background task.
     */
    @Bean
    Snapshotter schemaLedgerSnapshotter(
            EventStore eventStore,
            AggregateFactory<Object> schemaLedgerAggregateFactory,
            TransactionManager transactionManager,
            ParameterResolverFactory parameterResolverFactory,
            HandlerDefinition handlerDefinition,
            SnapshotterSpanFactory spanFactory) {
        return new SchemaLedgerSnapshotter(AggregateSnapshotter.builder()
                .eventStore(eventStore)
                .aggregateFactories(schemaLedgerAggregateFactory)
                .transactionManager(transactionManager)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory));
    }

    @Bean
    SnapshotTriggerDefinition schemaLedgerSnapshotTrigger(Snapshotter snapshotter, SnapshotSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.threshold());
    }

    @Bean
    SnapshotFilter schemaLedgerSnapshotFilter(Serializer serializer, EventUpcasterChain ledgerUpcasterChain) {
        return new SchemaLedgerSnapshotFilter(serializer, ledgerUpcasterChain);
    }
}
