package org.migrationledger.projection.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.testsupport.FreshPostgresDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Handlers run bare in a processor's batch; an event that fails fails its batch, and on the batch's retry that event
 * alone runs in a savepoint, so that a refused statement leaves the rest of the batch to commit. On a real PostgreSQL,
 * where a refused statement aborts the transaction.
 */
class SavepointHandlerIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private JdbcClient jdbc;
    private DataSourceTransactionManager transactions;
    private RefusingProjection projection;
    private SavepointHandler handler;

    @BeforeEach
    void setUp() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                POSTGRES.database().jdbcUrl(),
                POSTGRES.database().user(),
                POSTGRES.database().password());
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table if not exists projected (name text primary key check (name <> 'refused'))")
                .update();
        jdbc.sql("truncate projected").update();
        transactions = new DataSourceTransactionManager(dataSource);
        projection = new RefusingProjection(jdbc);
        handler = new SavepointHandler(new AnnotationEventHandlerAdapter(projection), transactions);
    }

    @Test
    void aRefusedStatementFailsTheBatchOnceThenOnlyItsEventIsSetAside() {
        List<EventMessage<?>> batch = List.of(event("first"), event("refused"), event("last"));

        assertThatThrownBy(() -> processBatch(batch))
                .as("the first pass cannot commit: the refused statement aborted the transaction")
                .hasStackTraceContaining(SavepointHandler.RetriedWithSavepoint.class.getSimpleName())
                .hasStackTraceContaining("violates check constraint");
        assertThat(projected()).as("nothing of the failed batch is kept").isEmpty();

        List<String> failedOnRetry = processBatch(batch);

        assertThat(failedOnRetry).containsExactly("refused");
        assertThat(projected()).containsExactlyInAnyOrder("first", "last");
        assertThat(projection.calls)
                .as("the refused event was handled bare once, then in a savepoint once")
                .containsEntry("refused", 2);
    }

    @Test
    void aBatchWithoutFailuresTakesNoSavepointAndCommitsEverything() {
        List<String> failed = processBatch(List.of(event("a"), event("b"), event("c")));

        assertThat(failed).isEmpty();
        assertThat(projected()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(projection.calls.values()).allMatch(count -> count == 1);
    }

    @Test
    void aDeadLetterRetryOutsideABatchRunsInASavepointAndFailsAlone() throws Exception {
        DefaultUnitOfWork<EventMessage<?>> retry = DefaultUnitOfWork.startAndGet(event("refused"));
        retry.attachTransaction(new SpringTransactionManager(transactions));
        List<String> failed = new ArrayList<>();
        retry.executeWithResult(() -> {
            try {
                handler.handle(retry.getMessage());
            } catch (Exception e) {
                failed.add((String) retry.getMessage().getPayload());
            }
            jdbc.sql("insert into projected values ('after the failure')").update();
            return null;
        });

        assertThat(failed).containsExactly("refused");
        assertThat(projected())
                .as("the transaction stayed usable: the savepoint took the refused statement back")
                .containsExactly("after the failure");
    }

    /**
     * Processes the events in one unit of work with one transaction, as a pooled processor's work package does; a
     * failing handler is caught, as the dead-letter invoker catches it to set the event aside.
     */
    private List<String> processBatch(List<EventMessage<?>> events) {
        List<String> failed = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        unitOfWork.attachTransaction(new SpringTransactionManager(transactions));
        unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            try {
                handler.handle(event);
            } catch (Exception e) {
                failed.add((String) event.getPayload());
            }
            return null;
        });
        if (unitOfWork.getExecutionResult() != null
                && unitOfWork.getExecutionResult().isExceptionResult()) {
            throw new IllegalStateException(
                    "The batch failed", unitOfWork.getExecutionResult().getExceptionResult());
        }
        return failed;
    }

    private List<String> projected() {
        return jdbc.sql("select name from projected").query(String.class).list();
    }

    private static EventMessage<?> event(String name) {
        return GenericEventMessage.asEventMessage(name);
    }

    /** Writes one row per event; the database refuses the row named 'refused'. */
    static final class RefusingProjection {
        private final JdbcClient jdbc;
        final Map<String, Integer> calls = new ConcurrentHashMap<>();

        RefusingProjection(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(String name) {
            calls.merge(name, 1, Integer::sum);
            jdbc.sql("insert into projected values (?)").param(name).update();
        }
    }
}
