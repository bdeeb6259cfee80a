package org.migrationledger.projection.rebuild;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one event handler inside a savepoint of the processor's batch transaction. A statement PostgreSQL refuses
 * aborts the whole transaction; without the savepoint, dead-lettering the event (an insert in the same transaction)
 * and every later event of the batch would fail with it, and the processor would stop after all.
 */
final class SavepointHandler implements EventMessageHandler {

    private final EventMessageHandler delegate;
    private final TransactionTemplate savepoint;

    SavepointHandler(EventMessageHandler delegate, PlatformTransactionManager transactions) {
        this.delegate = delegate;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
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

    /** Carries a checked handler exception through the template, which rolls back to the savepoint on it. */
    private static final class HandlerFailed extends RuntimeException {
        private final Exception cause;

        HandlerFailed(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
