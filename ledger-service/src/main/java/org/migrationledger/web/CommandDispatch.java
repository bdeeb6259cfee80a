package org.migrationledger.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.MetaData;
import org.migrationledger.api.events.EventMetadata;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a command on behalf of an HTTP request: stamps who sent it and from where into the metadata that every
 * resulting event carries, and reports the ledger position the client can read its own write at.
 */
@Component
public class CommandDispatch {

    public static final String TOOL_HEADER = "X-Ledger-Tool";
    public static final String RUN_URL_HEADER = "X-Ledger-Run-Url";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final CommandGateway commandGateway;
    private final CommandGateway withoutRetries;
    private final JdbcClient jdbc;
    private final WrittenEvents writtenEvents;
    private final Cache ledgers;

    CommandDispatch(
            CommandGateway commandGateway,
            CommandBus commandBus,
            JdbcClient jdbc,
            WrittenEvents writtenEvents,
            Cache ledgers) {
        this.commandGateway = commandGateway;
        this.withoutRetries =
                DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.jdbc = jdbc;
        this.writtenEvents = writtenEvents;
        this.ledgers = ledgers;
    }

    /**
     * Sends the command and waits for its result; refusals surface as the handler's own exception.
     *
     * @param database the aggregate the command targets, whose stream head is the write's position
     * @param tool the reporting tool named in the body, or null to take the {@value #TOOL_HEADER} header
     * @param runUrl the pipeline run named in the body, or null to take the {@value #RUN_URL_HEADER} header
     */
    public <R> Dispatched<R> send(
            Object command,
            String database,
            HttpServletRequest request,
            Authentication caller,
            String tool,
            String runUrl) {
        String writeId = writtenEvents.newWriteId();
        MetaData metaData = metaData(request, caller, tool, runUrl).and(WrittenEvents.WRITE_ID, writeId);
        try {
            R result = gateway(database).<R>send(command, metaData).join();
            long position = writtenEvents.positionOf(writeId, database).orElseGet(() -> streamHead(database));
            return new Dispatched<>(result, position);
        } catch (CompletionException e) {
            writtenEvents.forget(writeId);
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Inside a request's transaction (an idempotent write, web/IdempotencyFilter) the command joins it: a retry would
     * run on another thread outside it, so a lost race is answered instead, and the key stays free for the client's
     * retry. Should that transaction roll back after the command's unit of work, the cached ledger holds events the
     * store does not, so it is dropped.
     */
    private CommandGateway gateway(String database) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return commandGateway;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    ledgers.remove(database);
                }
            }
        });
        return withoutRetries;
    }

    /**
     * Where a write that appended nothing (a gate check, a repeated registration) reads consistently: the database
     * stream's last event.
     */
    private long streamHead(String database) {
        return jdbc.sql("""
                        select global_index from domain_event_entry where aggregate_identifier = ?
                        order by sequence_number desc limit 1""").param(database).query(Long.class).optional().orElse(0L);
    }

    private static MetaData metaData(HttpServletRequest request, Authentication caller, String tool, String runUrl) {
        Map<String, Object> values = new HashMap<>();
        values.put(EventMetadata.PRINCIPAL, caller.getName());
        putIfPresent(values, EventMetadata.SOURCE_TOOL, tool != null ? tool : header(request, TOOL_HEADER, 100));
        putIfPresent(
                values, EventMetadata.SOURCE_RUN_URL, runUrl != null ? runUrl : header(request, RUN_URL_HEADER, 2000));
        String correlation = header(request, CORRELATION_HEADER, 200);
        values.put(
                EventMetadata.CORRELATION_ID,
                correlation != null && !correlation.isBlank()
                        ? correlation
                        : UUID.randomUUID().toString());
        return MetaData.from(values);
    }

    /**
     * A header that becomes event metadata, bounded like the body fields it stands in for: metadata is stored forever
     * and shown in the audit trail, whose processor must never stall on a value it cannot hold.
     */
    private static String header(HttpServletRequest request, String name, int maxLength) {
        String value = request.getHeader(name);
        if (value != null && value.length() > maxLength) {
            throw new InvalidRequestException(
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    name,
                    "must be at most %d characters, not %d".formatted(maxLength, value.length()));
        }
        return value;
    }

    private static void putIfPresent(Map<String, Object> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }

    /** A command's result and the ledger position to read it at. */
    public record Dispatched<R>(R result, long position) {}
}
