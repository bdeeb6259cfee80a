package org.migrationledger.projection.rebuild;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.EventProcessorProperties.ProcessorSettings;
import org.springframework.stereotype.Component;

/**
 * Builds the pooled streaming processor of one read-model generation. Settings come from
 * {@code axon.eventhandling.processors.<read-model>.*} (segments, threads, batch size, claim interval), so every
 * generation of a read model runs like the first; processors are built here rather than by Axon's configurer because
 * a rebuild adds one at run time.
 */
@Component
class ProcessorFactory {

    private static final int DEFAULT_SEGMENTS = 2;
    private static final int DEFAULT_BATCH_SIZE = 100;

    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final EventProcessorProperties properties;
    private final ProjectionSettings settings;
    private final ProcessingFailures failures;

    ProcessorFactory(
            EventStore eventStore,
            TokenStore tokenStore,
            TransactionManager transactionManager,
            EventProcessorProperties properties,
            ProjectionSettings settings,
            ProcessingFailures failures) {
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.properties = properties;
        this.settings = settings;
        this.failures = failures;
    }

    RunningProcessor build(String readModel, String processorName, Object projection) {
        ProcessorSettings configured = properties.getProcessors().get(readModel);
        int segments = configured != null && configured.getInitialSegmentCount() != null
                ? configured.getInitialSegmentCount()
                : DEFAULT_SEGMENTS;
        int threads = configured != null && configured.getThreadCount() > 0 ? configured.getThreadCount() : segments;
        int batchSize = configured != null ? configured.getBatchSize() : DEFAULT_BATCH_SIZE;
        long claimInterval = configured != null
                ? configured.getTokenClaimIntervalTimeUnit().toMillis(configured.getTokenClaimInterval())
                : TimeUnit.SECONDS.toMillis(5);
        ScheduledExecutorService coordinator =
                Executors.newSingleThreadScheduledExecutor(daemon("Coordinator[" + processorName + "]"));
        ScheduledExecutorService workers =
                Executors.newScheduledThreadPool(threads, daemon("WorkPackage[" + processorName + "]"));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(processorName)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(projection)
                        // Axon's default logs a failing handler and moves on: the event would be missing from
                        // the read model for good. Failing the batch keeps the segment on the event, retried with
                        // back-off, and its error state shows in health and metrics.
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(transactionManager)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .batchSize(batchSize)
                .tokenClaimInterval(claimInterval)
                .claimExtensionThreshold(settings.claimExtensionThreshold().toMillis())
                .build();
        processor.registerHandlerInterceptor(failures.watch(readModel, processorName));
        return new RunningProcessor(readModel, processorName, processor, coordinator, workers);
    }

    private static ThreadFactory daemon(String prefix) {
        return runnable -> {
            Thread thread = new Thread(runnable, prefix);
            thread.setDaemon(true);
            return thread;
        };
    }
}
