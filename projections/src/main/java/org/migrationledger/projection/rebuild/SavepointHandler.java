package org.migrationledger.projection.rebuild;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an event handler so that its failure can be dead-lettered in the processor's batch transaction. A statement
 * PostgreSQL refuses aborts the whole transaction; dead-lettering the event (an insert in the same transaction) and
 * every later event of the batch would fail with it. A savepoint around every event would prevent that, but costs two
 * round trips per event, more than most handlers' own writes. So handlers run bare, and the first failure of an event
 * fails its whole batch (rolled back, events and token alike) and marks the event: when the processor retries the
 * batch, that event alone runs inside a savepoint, and its failure is dead-lettered with the rest of the batch intact.
 */
final class SavepointHandler implements EventMessageHandler {

    /** Beyond this many marked events (of batches that another node took over, say) the marks are forgotten. */
    private static final int MAX_MARKED = 10_000;

    private final EventMessageHandler delegate;
    private final TransactionTemplate savepoint;
    private final Set<String> failedBefore = ConcurrentHashMap.newKeySet();

    SavepointHandler(EventMessageHandler delegate, PlatformTransactionManager transactions) {
        this.delegate = delegate;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        if (failedBefore.remove(event.getIdentifier()) || !inProcessorBatch()) {
            return handleInSavepoint(event);
        }
        try {
            return delegate.handle(event);
        } catch (Exception | Error e) {
            retryBatchWithSavepoint(event, e);
            throw e;
        }
    }

    /**
     * Only a processor's batch is retried when it fails; a dead letter's retry (admin API) handles its event in a unit
     * of work of its own, whose failure must leave the letter queued and the request answered.
     */
    private static boolean inProcessorBatch() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork;
    }

    /**
     * The transaction may be aborted or hold half of this event's writes, so nothing of the batch may commit: the
     * unit of work fails at its prepare-commit whatever the dead-letter invoker does with the exception.
     */
    private void retryBatchWithSavepoint(EventMessage<?> event, Throwable failure) {
        if (failedBefore.size() >= MAX_MARKED) {
            failedBefore.clear();
        }
        failedBefore.add(event.getIdentifier());
        CurrentUnitOfWork.get().onPrepareCommit(batch -> {
            throw new RetriedWithSavepoint(event.getIdentifier(), failure);
        });
    }

    private Object handleInSavepoint(EventMessage<?> event) throws Exception {
        try {
            return savepoint.execute((TransactionStatus status) -> {
                try {
                    return delegate.handle(event);
                } catch (Exception e) {
                    throw new HandlerFailed(e);
                }
            });
        } catch (HandlerFailed failed) {
            throw failed.cause;
        }
    }

    @Override
    public boolean canHandle(EventMessage<?> event) {
        return delegate.canHandle(event);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return delegate.canHandleType(payloadType);
    }

    @Override
    public Class<?> getTargetType() {
        return delegate.getTargetType();
    }

    @Override
    public void prepareReset() {
        delegate.prepareReset();
    }

    @Override
    public <R> void prepareReset(R resetContext) {
        delegate.prepareReset(resetContext);
    }

    @Override
    public boolean supportsReset() {
        return delegate.supportsReset();
    }

    /** Fails a batch in which an event's handler failed outside a savepoint; the processor retries the batch. */
    static final class RetriedWithSavepoint extends RuntimeException {
        RetriedWithSavepoint(String eventId, Throwable cause) {
            super(
                    "The handler failed on event " + eventId
                            + " outside a savepoint; the batch is retried with the event" + " in one",
                    cause);
        }
    }

    /** Carries a checked handler exception through the template, which rolls back to the savepoint on it. */
    private static final class HandlerFailed extends RuntimeException {
        private final Exception cause;

        HandlerFailed(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
