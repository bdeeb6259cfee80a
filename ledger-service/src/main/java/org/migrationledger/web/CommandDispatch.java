package org.migrationledger.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.migrationledger.api.events.EventMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of an HTTP request: stamps who sent it and from where into the metadata that every
 * resulting event carries, and reports the ledger position the client can read its own write at.
 */
@Component
public class CommandDispatch {

    public static final String TOOL_HEADER = "X-Ledger-Tool";
    public static final String RUN_URL_HEADER = "X-Ledger-Run-Url";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    /**
     * Request attribute set once the command's unit of work has committed: from then on the request has recorded
     * something, whatever happens to its answer.
     */
    public static final String COMMITTED_ATTRIBUTE = CommandDispatch.class.getName() + ".committed";

    private final CommandGateway commandGateway;
    private final JdbcClient jdbc;
    private final WrittenEvents writtenEvents;

    CommandDispatch(CommandGateway commandGateway, JdbcClient jdbc, WrittenEvents writtenEvents) {
        this.commandGateway = commandGateway;
        this.jdbc = jdbc;
        this.writtenEvents = writtenEvents;
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
            R result = commandGateway.<R>send(command, metaData).join();
            request.setAttribute(COMMITTED_ATTRIBUTE, Boolean.TRUE);
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
        putIfPresent(values, EventMetadata.SOURCE_TOOL, tool != null ? tool : request.getHeader(TOOL_HEADER));
        putIfPresent(values, EventMetadata.SOURCE_RUN_URL, runUrl != null ? runUrl : request.getHeader(RUN_URL_HEADER));
        String correlation = request.getHeader(CORRELATION_HEADER);
        values.put(
                EventMetadata.CORRELATION_ID,
                correlation != null && !correlation.isBlank()
                        ? correlation
                        : UUID.randomUUID().toString());
        return MetaData.from(values);
    }

    private static void putIfPresent(Map<String, Object> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }

    /** A command's result and the ledger position to read it at. */
    public record Dispatched<R>(R result, long position) {}
}
