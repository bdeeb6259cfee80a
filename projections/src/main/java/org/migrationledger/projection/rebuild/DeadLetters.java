package org.migrationledger.projection.rebuild;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The dead-letter queues of the read-model processors running on this node (every maintained generation runs on
 * every node, so this is all of them). Rows live in {@code dead_letter_entry}, one processing group per generation;
 * listing, retrying and evicting here therefore act for the whole cluster.
 */
@Component
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    /** Every dead letter, per read model and sequence in queue order. */
    public List<DeadLetterView> list() {
        List<DeadLetterView> letters = new ArrayList<>();
        queues.values().stream()
                .sorted(Comparator.comparing(Queue::processorName))
                .forEach(queue -> queue.letters().forEach(letter -> letters.add(queue.view(letter))));
        return letters;
    }

    /** How many events the processors of a read model (all its maintained generations) have set aside. */
    public long count(String readModel) {
        return queues.values().stream()
                .filter(queue -> queue.readModel().equals(readModel))
                .mapToLong(queue -> queue.queue().size())
                .sum();
    }

    /** How many events one processor (one generation) has set aside. */
    public long countOfProcessor(String processorName) {
        Queue queue = queues.get(processorName);
        return queue == null ? 0 : queue.queue().size();
    }

    /**
     * Hands the sequence the letter belongs to back to the read model's handlers, oldest first; it stops at the first
     * letter that fails again, which stays in the queue with the ones behind it.
     */
    public DeadLetterRetryView retry(String id) {
        Found found = find(id);
        String sequence = found.letter().getSequenceIdentifier();
        boolean processed = found.queue()
                .invoker()
                .process(first -> first instanceof JdbcDeadLetter<?> jdbc
                        && jdbc.getSequenceIdentifier().equals(sequence));
        long remaining = found.queue().queue().sequenceSize(sequence);
        LOG.info(
                "Retried dead-letter sequence {} of {}: {}, {} letters remain",
                sequence,
                found.queue().processorName(),
                processed && remaining == 0 ? "projected" : "failed again",
                remaining);
        return new DeadLetterRetryView(found.queue().readModel(), sequence, processed && remaining == 0, remaining);
    }

    /** Drops the letter for good: its event stays missing from the read model until the read model is rebuilt. */
    public DeadLetterView evict(String id) {
        Found found = find(id);
        DeadLetterView view = found.queue().view(found.letter());
        found.queue().queue().evict(found.letter());
        LOG.warn(
                "Evicted dead letter {} (event {} of {}) from {}: the read model goes without it",
                id,
                view.eventId(),
                view.sequence(),
                view.processorName());
        return view;
    }

    Runnable register(
            String readModel,
            String processorName,
            JdbcSequencedDeadLetterQueue<EventMessage<?>> queue,
            DeadLetteringEventHandlerInvoker invoker) {
        Queue registered = new Queue(readModel, processorName, queue, invoker);
        queues.put(processorName, registered);
        return () -> queues.remove(processorName, registered);
    }

    private Found find(String id) {
        for (Queue queue : queues.values()) {
            Optional<JdbcDeadLetter<?>> letter = queue.letters().stream()
                    .filter(candidate -> candidate.getIdentifier().equals(id))
                    .findFirst();
            if (letter.isPresent()) {
                return new Found(queue, letter.get());
            }
        }
        throw new UnknownDeadLetter(id);
    }

    private record Found(Queue queue, JdbcDeadLetter<?> letter) {}

    private record Queue(
            String readModel,
            String processorName,
            JdbcSequencedDeadLetterQueue<EventMessage<?>> queue,
            DeadLetteringEventHandlerInvoker invoker) {

        List<JdbcDeadLetter<?>> letters() {
            List<JdbcDeadLetter<?>> letters = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (letter instanceof JdbcDeadLetter<?> jdbc) {
                        letters.add(jdbc);
                    }
                }
            }
            return letters;
        }

        DeadLetterView view(JdbcDeadLetter<?> letter) {
            EventMessage<?> event = letter.message();
            // Not the tracking token's position: for an event that filled a gap it is a later index.
            Long sequenceNumber = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
            Optional<Cause> cause = letter.cause();
            return new DeadLetterView(
                    letter.getIdentifier(),
                    readModel,
                    processorName,
                    letter.getSequenceIdentifier(),
                    letter.getSequenceIndex(),
                    event.getIdentifier(),
                    event.getPayloadType().getSimpleName(),
                    sequenceNumber,
                    cause.map(Cause::type).orElse(null),
                    cause.map(Cause::message).orElse(null),
                    letter.enqueuedAt(),
                    letter.lastTouched());
        }
    }
}
