package org.migrationledger.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the global index of the last event a command appended, so that a write answers with its own position rather
 * than whatever its database's stream holds last by the time the answer is built. The command carries a write id in
 * its metadata (never copied into events); events published in its unit of work are noted under that id.
 */
@Component
class WrittenEvents {

    static final String WRITE_ID = "ledgerWriteId";

    private final Map<String, Long> lastSequenceByWrite = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;

    WrittenEvents(EventBus eventBus, JdbcClient jdbc) {
        this.jdbc = jdbc;
        eventBus.registerDispatchInterceptor(messages -> {
            CurrentUnitOfWork.ifStarted(unitOfWork -> {
                Object writeId = unitOfWork.getMessage().getMetaData().get(WRITE_ID);
                if (writeId != null) {
                    messages.stream()
                            .filter(DomainEventMessage.class::isInstance)
                            .map(message -> ((DomainEventMessage<?>) message).getSequenceNumber())
                            .max(Long::compare)
                            .ifPresent(sequence -> lastSequenceByWrite.merge(writeId.toString(), sequence, Math::max));
                }
            });
            return (index, message) -> message;
        });
    }

    String newWriteId() {
        return UUID.randomUUID().toString();
    }

    /** The global index of the write's last event; empty when it appended none. Forgets the write. */
    Optional<Long> positionOf(String writeId, String database) {
        Long sequence = lastSequenceByWrite.remove(writeId);
        if (sequence == null) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "select global_index from domain_event_entry where aggregate_identifier = ? and sequence_number = ?")
                .params(database, sequence)
                .query(Long.class)
                .optional();
    }

    void forget(String writeId) {
        lastSequenceByWrite.remove(writeId);
    }
}
