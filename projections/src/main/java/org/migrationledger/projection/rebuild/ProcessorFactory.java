package org.migrationledger.projection.rebuild;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
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
 * a rebuild adds one at run time. A handler failure either dead-letters the event and the processor goes on, or stops
 * the processor on it, as the read model chooses (docs/adr/0014).
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
    private final DeadLetterStorage deadLetterStorage;
    private final DeadLetters deadLetters;

    ProcessorFactory(
            EventStore eventStore,
            TokenStore tokenStore,
            TransactionManager transactionManager,
            EventProcessorProperties properties,
            ProjectionSettings settings,
            ProcessingFailures failures,
            DeadLetterStorage deadLetterStorage,
            DeadLetters deadLetters) {
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.properties = properties;
        this.settings = settings;
        this.failures = failures;
        this.deadLetterStorage = deadLetterStorage;
        this.deadLetters = deadLetters;
    }

    RunningProcessor build(ReadModel model, String processorName, Object projection) {
        String readModel = model.name();
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
        Runnable release = () -> {};
        EventHandlerInvoker invoker;
        if (model.stopsOnFailure()) {
            invoker = SimpleEventHandlerInvoker.builder()
                    .eventHandlers(projection)
                    // Axon's default logs a failing handler and moves on: the event would be missing from the read
                    // model for good. Failing the batch keeps the segment on the event, retried with back-off, and
                    // its error state shows in health and metrics.
                    .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                    .build();
        } else {
            JdbcSequencedDeadLetterQueue<EventMessage<?>> queue = deadLetterStorage.queue(processorName);
            DeadLetteringEventHandlerInvoker deadLettering = DeadLetteringEventHandlerInvoker.builder()
                    .eventHandlers(deadLetterStorage.inSavepoint(projection))
                    // The failure must reach the dead-letter invoker; Axon's default would log and swallow it.
                    .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                    .queue(queue)
                    .transactionManager(transactionManager)
                    // Spares a dead-letter query per event while a segment's sequences are known to be clear.
                    .enableSequenceIdentifierCache()
                    .build();
            release = deadLetters.register(readModel, processorName, queue, deadLettering);
            invoker = deadLettering;
        }
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(processorName)
                .eventHandlerInvoker(invoker)
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
        return new RunningProcessor(readModel, processorName, processor, coordinator, workers, release);
    }

    private static ThreadFactory daemon(String prefix) {
        return runnable -> {
            Thread thread = new Thread(runnable, prefix);
            thread.setDaemon(true);
            return thread;
        };
    }
}
