package org.migrationledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits at most {@code ledger.api.concurrent-writes} writes at a time; the others wait their turn, in order of
 * arrival, without a thread on the CPU or a database connection. Reads are never held. Under a burst of pipelines a
 * write is CPU and a connection for its whole run (Axon opens the transaction before it waits for the ledger's lock),
 * so sixteen concurrent writers on two cores held most of the pool and the run queue, and every read waited behind
 * them (GET p50 35–60 ms under write load at 2–5 ms idle, docs/benchmarks.md). Admitted writes still keep the cores and
 * the commit pipeline busy, so intake does not drop.
 *
 * <p>A write that waits longer than {@code ledger.api.write-queue-timeout} is answered 503 with {@code Retry-After}:
 * nothing of it was read or recorded, and the pipeline client retries it with the same {@code Idempotency-Key}.
 */
public class WriteAdmissionFilter extends OncePerRequestFilter {

    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** POSTs that only read: they must not queue behind writes (the gate is asked by every deploy step). */
    private static final Set<String> READING_POST_SUFFIXES = Set.of("/gate", "/audit/verify");

    private final Semaphore permits;
    private final ApiSettings settings;
    private final ObjectMapper mapper;

    public WriteAdmissionFilter(ApiSettings settings, ObjectMapper mapper, MeterRegistry meters) {
        this.settings = settings;
        this.mapper = mapper;
        this.permits = new Semaphore(settings.concurrentWrites(), true);
        Gauge.builder("ledger.api.writes.waiting", permits, Semaphore::getQueueLength)
                .description("Writes waiting for admission (ledger.api.concurrent-writes)")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!WRITE_METHODS.contains(method)) {
            return true;
        }
        String path = request.getRequestURI();
        return "POST".equals(method) && READING_POST_SUFFIXES.stream().anyMatch(path::endsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(settings.writeQueueTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        DatabaseOutage.writeRetryable(
                response,
                mapper,
                Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "write-queue-full",
                        "Too many writes waiting",
                        "The ledger admits " + settings.concurrentWrites() + " writes at a time and this one waited "
                                + settings.writeQueueTimeout().toMillis() + " ms for its turn; nothing was recorded."
                                + " Retry after the indicated delay (with the same Idempotency-Key, if any)."));
    }
}
