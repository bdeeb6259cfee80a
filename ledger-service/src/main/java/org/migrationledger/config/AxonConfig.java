package org.migrationledger.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.migrationledger.api.events.EventMetadata;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Command-side Axon wiring: retries on concurrent appends, and the metadata events inherit. */
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
}
