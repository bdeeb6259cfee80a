package org.migrationledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;

/**
 * A failure that says nothing about the request, only that the database could not be reached or the write lost a
 * race: the connection was cut, the server is down or restarting, a lock or a statement timed out, a transaction could
 * not be begun, committed or rolled back. Nothing was
 * recorded (the transaction rolled back with the connection), so the answer is a retryable 503, never a 500.
 */
final class DatabaseOutage {

    /** Seconds a client waits before its retry: about the pool's connection timeout, the time a restart takes. */
    static final int RETRY_AFTER_SECONDS = 2;

    /**
     * SQLSTATE classes and codes that mean "try again": 08 connection exceptions, 57P01-57P03 the server shutting
     * down or starting, 55P03 lock timeout, 57014 statement timeout, 40001 / 40P01 serialization failure and deadlock.
     */
    private static final Set<String> RETRYABLE_STATES =
            Set.of("57P01", "57P02", "57P03", "55P03", "57014", "40001", "40P01");

    private DatabaseOutage() {}

    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof ConcurrencyFailureException
                    || cause instanceof TransactionException
                    || cause instanceof ConcurrencyException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && (retryable(sql.getSQLState()) || closedConnection(sql))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The pool's proxy of a connection it has already evicted says so without an SQLSTATE. */
    private static boolean closedConnection(SQLException sql) {
        return sql.getSQLState() == null
                && sql.getMessage() != null
                && sql.getMessage().startsWith("Connection is closed");
    }

    private static boolean retryable(String state) {
        return state != null && (state.startsWith("08") || RETRYABLE_STATES.contains(state));
    }

    static ProblemDetail problem() {
        return Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database-unavailable",
                "Database unavailable",
                "The ledger's database could not complete the request (unreachable, restarting or busy); nothing was"
                        + " recorded. Retry after " + RETRY_AFTER_SECONDS + " s with the same Idempotency-Key.");
    }

    /** Answers 503 with Retry-After and the problem: nothing was recorded, the client retries with its key. */
    static void writeRetryable(HttpServletResponse response, ObjectMapper mapper, ProblemDetail problem)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

    static ResponseEntity<ProblemDetail> response() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(problem());
    }
}
