package org.migrationledger.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.migrationledger.ledger.LedgerRuleViolation;
import org.migrationledger.projection.rebuild.ProcessorPositions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The read side of every GET: waits (bounded) for {@code ?minPosition=} on the read model that answers, asks the
 * query, and says in {@code Ledger-Stale} whether the answer may predate the position the client asked for.
 */
@Component
public class ReadYourWrites {

    public static final String STALE_HEADER = "Ledger-Stale";

    private final ProcessorPositions positions;
    private final QueryGateway queries;

    ReadYourWrites(ProcessorPositions positions, QueryGateway queries) {
        this.positions = positions;
        this.queries = queries;
    }

    /**
     * Answers 200 with the view, or 404 with the {@code unknown} problem when the query found nothing. Blocks the request thread for at
     * most {@code ledger.projection.min-position-timeout}: an async dispatch would run the stateless bearer-token
     * chain again without the caller's authentication.
     */
    public <T> ResponseEntity<T> answer(
            String readModel, String minPosition, Object query, Class<T> view, Unknown unknown) {
        long position = position(minPosition);
        boolean fresh = await(readModel, position);
        Optional<T> found = join(queries.query(query, ResponseTypes.optionalInstanceOf(view)));
        return respond(found, position, fresh, unknown);
    }

    /** Asks a query that always has an answer (a page, possibly empty). */
    public <T> T query(Object query, Class<T> view) {
        return join(queries.query(query, view));
    }

    /** Whether the read model reached the position (true when none was asked for), waiting at most the bound. */
    public boolean await(String readModel, long position) {
        return position < 0 || join(positions.awaitActive(readModel, position));
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Parses {@code ?minPosition=}; -1 when absent. */
    public static long position(String minPosition) {
        return position("minPosition", minPosition);
    }

    /** Parses a ledger position parameter; -1 when absent. */
    public static long position(String name, String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            long position = Long.parseLong(value.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                name,
                name + " must be a Ledger-Position a write returned (a non-negative integer), not '" + value + "'");
    }

    /** Parses an instant parameter such as {@code ?at=}; null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException again) {
                throw new InvalidRequestException(
                        HttpStatus.BAD_REQUEST,
                        "invalid-request",
                        name,
                        name + " must be an ISO-8601 instant such as 2026-03-03T14:00:00Z, not '" + value + "'");
            }
        }
    }

    public static <T> ResponseEntity<T> withStaleness(
            ResponseEntity.BodyBuilder builder, long position, boolean fresh, T body) {
        if (position >= 0) {
            builder.header(STALE_HEADER, Boolean.toString(!fresh));
        }
        return builder.body(body);
    }

    private static <T> ResponseEntity<T> respond(Optional<T> found, long position, boolean fresh, Unknown unknown) {
        T view = found.orElseThrow(() ->
                new LedgerRuleViolation(unknown.problemType(), LedgerRuleViolation.Refusal.UNKNOWN, unknown.detail()));
        return withStaleness(ResponseEntity.ok(), position, fresh, view);
    }
}
