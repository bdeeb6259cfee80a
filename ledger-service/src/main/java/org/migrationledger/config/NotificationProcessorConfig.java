package org.migrationledger.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook outbox's tracking processor ({@code notification.NotificationOutbox}) starts at the head of the event
 * stream the first time: a ledger that gains webhooks must not notify its whole past. Its token then carries it across
 * restarts, which is what makes delivery at least once. It takes up to {@value #BATCH_SIZE} events per transaction,
 * as the read models' processors do: one at a time (Axon's default), each event cost a transaction and a token update,
 * and the outbox fell furthest behind of all processors when a million events arrived (docs/benchmarks.md, session 6).
 */
@Configuration(proxyBeanMethods = false)
class NotificationProcessorConfig {

    private static final String PROCESSING_GROUP = "notifications";
    private static final int BATCH_SIZE = 100;

    @Autowired
    void startAtTheHead(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(
                PROCESSING_GROUP,
                org.axonframework.config.Configuration::eventStore,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(BATCH_SIZE)
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
