package org.migrationledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** Writes beyond the admitted number wait their turn or are refused with 503; reads and reading POSTs never wait. */
class WriteAdmissionFilterTest {

    private static final Duration QUEUE_TIMEOUT = Duration.ofMillis(300);

    private final ObjectMapper mapper = new ObjectMapper();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WriteAdmissionFilter filter = new WriteAdmissionFilter(
            new ApiSettings(DataSize.ofMegabytes(2), Duration.ofHours(24), Duration.ofSeconds(30), 1, QUEUE_TIMEOUT),
            mapper,
            meters);
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger passed = new AtomicInteger();

    @AfterEach
    void releaseHeldWrite() {
        release.countDown();
    }

    @Test
    void aWriteBeyondTheAdmittedOnesWaitsThenIsRefusedWithRetryAfter() throws Exception {
        CompletableFuture<MockHttpServletResponse> held = holdOneWrite();

        MockHttpServletResponse refused = send("POST", "/api/v1/databases/shop/migrations", countingChain());

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = mapper.readTree(refused.getContentAsString());
        assertThat(problem.get("type").asText()).endsWith("/write-queue-full");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(passed).as("the refused write never reached the ledger").hasValue(0);

        release.countDown();
        assertThat(held.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        send("PUT", "/api/v1/databases/billing", countingChain());
        assertThat(passed).as("the permit came back with the held write's end").hasValue(1);
    }

    @Test
    void aWaitingWriteRunsAsSoonAsTheAdmittedOneEnds() throws Exception {
        CompletableFuture<MockHttpServletResponse> held = holdOneWrite();
        CompletableFuture<MockHttpServletResponse> waiting =
                CompletableFuture.supplyAsync(() -> sendUnchecked("POST", "/api/v1/databases/shop/applies"));
        awaitGauge(1);

        release.countDown();

        assertThat(waiting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(held.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(meters.get("ledger.api.writes.waiting").gauge().value()).isZero();
    }

    @Test
    void readsAndReadingPostsPassWhileEveryWritePermitIsTaken() throws Exception {
        holdOneWrite();

        for (String[] request : new String[][] {
            {"GET", "/api/v1/databases/shop/drift"},
            {"POST", "/api/v1/databases/shop/environments/prod/gate"},
            {"POST", "/api/v1/audit/verify"}
        }) {
            long started = System.nanoTime();
            MockHttpServletResponse response = send(request[0], request[1], countingChain());
            assertThat(response.getStatus()).as(request[1]).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("%s %s did not queue behind the write", request[0], request[1])
                    .isLessThan(QUEUE_TIMEOUT);
        }
        assertThat(passed).hasValue(3);
    }

    private CompletableFuture<MockHttpServletResponse> holdOneWrite() throws InterruptedException {
        CompletableFuture<MockHttpServletResponse> held = CompletableFuture.supplyAsync(() -> {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/databases/shop/applies");
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                filter.doFilter(request, response, (req, res) -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return response;
        });
        assertThat(holding.await(5, TimeUnit.SECONDS))
                .as("the first write was admitted")
                .isTrue();
        return held;
    }

    private void awaitGauge(double waiting) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (meters.get("ledger.api.writes.waiting").gauge().value() != waiting) {
            assertThat(System.nanoTime()).as("a write is counted as waiting").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private FilterChain countingChain() {
        return (request, response) -> passed.incrementAndGet();
    }

    private MockHttpServletResponse send(String method, String path, FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private MockHttpServletResponse sendUnchecked(String method, String path) {
        try {
            return send(method, path, countingChain());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
