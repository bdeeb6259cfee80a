package org.migrationledger.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.migrationledger.api.events.EventMetadata;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon wiring: retries on concurrent appends, the metadata events inherit, and an event store whose read-model
 * processors each read their own stream.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    private static final int RETRIES = 3;
    private static final int RETRY_INTERVAL_MILLIS = 20;

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor();
    }

    /** Retries only a lost race on the stream (a concurrent append); a refusal is an answer, not a failure. */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .maxRetryCount(RETRIES)
                        .retryInterval(RETRY_INTERVAL_MILLIS)
                        .nonTransientFailurePredicate(failure -> !(failure instanceof ConcurrencyException))
                        .build())
                .build();
    }

    /** Who caused an event and from where travels from the command to every event it produces. */
    @Bean
    CorrelationDataProvider ledgerMetadataProvider() {
        return new SimpleCorrelationDataProvider(
                EventMetadata.PRINCIPAL,
                EventMetadata.SOURCE_TOOL,
                EventMetadata.SOURCE_RUN_URL,
                EventMetadata.CORRELATION_ID);
    }

    /**
     * As Axon's auto-configured store, but without the shared in-memory stream ({@code optimizeEventConsumption}) that
     * tailing processors read from: while seven read models caught up with a million events at different speeds, its
     * linked list held 300 k events (EmbeddedEventStore$Node) between the slowest and the fastest, filled the 512 MB
     * heap and stalled the service in GC (docs/benchmarks.md). Each processor reads its own pages from the database
     * instead, which is what a catching-up processor does anyway.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }
}
