package org.migrationledger.projection.rebuild;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The events read-model processors on this node are stuck on: a handler failed on them and the processor retries them
 * instead of moving on. An entry lasts until the same processor handles that event successfully, so health and
 * metrics show a failure for as long as it holds the read model back.
 */
@Component
public class ProcessingFailures {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessingFailures.class);

    private final Map<Key, ProcessingFailureView> current = new ConcurrentHashMap<>();
    private final Clock clock;

    ProcessingFailures(Clock clock) {
        this.clock = clock;
    }

    /** Every event a processor is stuck on, oldest failure first. */
    public List<ProcessingFailureView> current() {
        return current.values().stream()
                .sorted(Comparator.comparing(ProcessingFailureView::firstFailedAt))
                .toList();
    }

    /** How many events the processors of a read model are stuck on. */
    public long count(String readModel) {
        return current.values().stream()
                .filter(failure -> failure.readModel().equals(readModel))
                .count();
    }

    MessageHandlerInterceptor<EventMessage<?>> watch(String readModel, String processorName) {
        return (unitOfWork, chain) -> {
            String eventId = unitOfWork.getMessage().getIdentifier();
            try {
                Object result = chain.proceed();
                if (!current.isEmpty()) {
                    current.remove(new Key(processorName, eventId));
                }
                return result;
            } catch (Exception e) {
                failed(readModel, processorName, unitOfWork.getMessage(), e);
                throw e;
            }
        };
    }

    private void failed(String readModel, String processorName, EventMessage<?> event, Exception cause) {
        Instant now = clock.instant();
        current.compute(
                new Key(processorName, event.getIdentifier()),
                (key, earlier) -> new ProcessingFailureView(
                        readModel,
                        processorName,
                        event.getIdentifier(),
                        event.getPayloadType().getSimpleName(),
                        String.valueOf(cause.getMessage()),
                        earlier == null ? now : earlier.firstFailedAt(),
                        earlier == null ? 1 : earlier.attempts() + 1));
        LOG.error(
                "Processor {} of read model {} failed on event {}; it retries the event and goes no further",
                processorName,
                readModel,
                event.getIdentifier(),
                cause);
    }

    private record Key(String processorName, String eventId) {}
}
