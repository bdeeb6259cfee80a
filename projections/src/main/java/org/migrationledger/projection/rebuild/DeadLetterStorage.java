package org.migrationledger.projection.rebuild;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Axon's JDBC dead-letter queue over {@code dead_letter_entry} (created by Flyway, V001), one per processor. */
@Component
class DeadLetterStorage {

    private final ConnectionProvider connections;
    private final TransactionManager transactionManager;
    private final PlatformTransactionManager transactions;
    private final DeadLetterSchema schema;
    private final Serializer serializer;
    private final Serializer eventSerializer;

    DeadLetterStorage(
            ConnectionProvider connections,
            TransactionManager transactionManager,
            PlatformTransactionManager transactions,
            DeadLetterSchema schema,
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.connections = connections;
        this.transactionManager = transactionManager;
        this.transactions = transactions;
        this.schema = schema;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
    }

    JdbcSequencedDeadLetterQueue<EventMessage<?>> queue(String processorName) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(processorName)
                .connectionProvider(connections)
                .transactionManager(transactionManager)
                .schema(schema)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }

    /** The projection's handlers, each run in a savepoint so that a refused statement leaves the batch usable. */
    Object inSavepoint(Object projection) {
        return new SavepointHandler(new AnnotationEventHandlerAdapter(projection), transactions);
    }
}
