package org.migrationledger.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook outbox's tracking processor ({@code notification.NotificationOutbox}) starts at the head of the event
 * stream the first time: a ledger that gains webhooks must not notify its whole past. Its token then carries it across
 * restarts, which is what makes delivery at least once.
 */
@Configuration(proxyBeanMethods = false)
class NotificationProcessorConfig {

    private static final String PROCESSING_GROUP = "notifications";

    @Autowired
    void startAtTheHead(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(
                PROCESSING_GROUP,
                org.axonframework.config.Configuration::eventStore,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
