package org.migrationledger.ledger;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.commandhandling.distributed.UnresolvedRoutingKeyPolicy;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes every command on a ledger decide on the ledger as committed, on any number of service nodes sharing one
 * PostgreSQL. Each node caches loaded ledgers, and Axon's lock on a ledger is per JVM and ends with the command's unit
 * of work, which can end before the transaction that stores its events commits (an idempotent request commits its
 * answer in the same transaction, web/IdempotencyFilter). So, inside the command's transaction and before the ledger
 * is loaded:
 *
 * <ol>
 *   <li>a transaction-scoped advisory lock on the ledger's name serialises its commands across nodes and holds until
 *       the events are committed or rolled back;
 *   <li>the stream's last sequence number is compared with the one this node last committed for the ledger; a
 *       difference (another node wrote, or this node's transaction rolled back) evicts the cached copy, and Axon
 *       loads it from the store.
 * </ol>
 *
 * A refusal therefore never comes from a stale copy (no append would reveal it), and the append of a stale copy
 * cannot happen, so optimistic-concurrency conflicts between the ledger's own commands do not arise at all.
 */
@Component
class LedgerStreamGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** The advisory lock's first key: which kind of lock; the second is the ledger name's hash. */
    private static final int LEDGER_LOCK_CLASS = 0x4c454447;

    private static final String APPENDED = LedgerStreamGuard.class.getName() + ".appended";

    private final JdbcClient jdbc;
    private final Cache ledgers;
    private final Map<String, Long> committedSequence = new ConcurrentHashMap<>();
    private final RoutingStrategy ledgerOf = AnnotationRoutingStrategy.builder()
            .fallbackRoutingStrategy(UnresolvedRoutingKeyPolicy.ERROR)
            .build();

    LedgerStreamGuard(
            JdbcClient jdbc, @Qualifier("schemaLedgerCache") Cache ledgers, CommandBus commandBus, EventBus eventBus) {
        this.jdbc = jdbc;
        this.ledgers = ledgers;
        commandBus.registerHandlerInterceptor(this);
        eventBus.registerDispatchInterceptor(messages -> {
            CurrentUnitOfWork.ifStarted(unitOfWork -> messages.stream()
                    .filter(DomainEventMessage.class::isInstance)
                    .map(message -> ((DomainEventMessage<?>) message).getSequenceNumber())
                    .forEach(sequence ->
                            unitOfWork.resources().merge(APPENDED, sequence, (a, b) -> Math.max((Long) a, (Long) b))));
            return (index, message) -> message;
        });
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String ledger = ledgerOf.getRoutingKey(unitOfWork.getMessage());
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))")
                .params(LEDGER_LOCK_CLASS, ledger)
                .query((rs, row) -> 1)
                .single();
        long committed = jdbc.sql("select coalesce(max(sequence_number), -1) from domain_event_entry"
                        + " where aggregate_identifier = ?")
                .param(ledger)
                .query(Long.class)
                .single();
        if (!Objects.equals(committedSequence.get(ledger), committed)) {
            ledgers.remove(ledger);
        }
        Object result = chain.proceed();
        remember(unitOfWork, ledger, committed);
        return result;
    }

    /** The sequence this node's copy has once the transaction commits; forgotten (and the copy dropped) otherwise. */
    private void remember(UnitOfWork<?> unitOfWork, String ledger, long before) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committedSequence.remove(ledger);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                Long appended = (Long) unitOfWork.resources().get(APPENDED);
                if (status == STATUS_COMMITTED) {
                    committedSequence.put(ledger, appended == null ? before : appended);
                } else {
                    committedSequence.remove(ledger);
                    ledgers.remove(ledger);
                }
            }
        });
    }
}
