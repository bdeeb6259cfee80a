package org.migrationledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What a server error does to an {@code Idempotency-Key}, with the stored records in the real database: a failure
 * before anything was recorded frees the key for the retry; a failure after the command committed keeps it in flight,
 * so the retry is refused instead of recorded a second time.
 */
class IdempotencyAfterFailureIT extends LedgerServiceIT {

    @Autowired
    IdempotencyRecords records;

    @Autowired
    ObjectMapper mapper;

    @AfterEach
    void forgetCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aFailureBeforeTheCommitFreesTheKeyForTheRetry() throws Exception {
        IdempotencyFilter filter = new IdempotencyFilter(records, mapper);
        AtomicInteger handled = new AtomicInteger();

        MockHttpServletResponse first = send(filter, "before-commit", (request, response) -> {
            handled.incrementAndGet();
            ((jakarta.servlet.http.HttpServletResponse) response).setStatus(500);
        });
        MockHttpServletResponse retry = send(filter, "before-commit", (request, response) -> {
            handled.incrementAndGet();
            ((jakarta.servlet.http.HttpServletResponse) response).setStatus(201);
        });

        assertThat(first.getStatus()).isEqualTo(500);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(handled).hasValue(2);
    }

    @Test
    void aFailureAfterTheCommitKeepsTheKeyInFlight() throws Exception {
        IdempotencyFilter filter = new IdempotencyFilter(records, mapper);
        AtomicInteger handled = new AtomicInteger();

        send(filter, "after-commit", (request, response) -> {
            handled.incrementAndGet();
            request.setAttribute(CommandDispatch.COMMITTED_ATTRIBUTE, Boolean.TRUE);
            ((jakarta.servlet.http.HttpServletResponse) response).setStatus(500);
        });
        MockHttpServletResponse retry = send(filter, "after-commit", (request, response) -> handled.incrementAndGet());

        assertThat(retry.getStatus()).isEqualTo(409);
        assertThat(retry.getContentAsString()).contains("idempotency-key-in-flight");
        assertThat(handled).as("the retry never reached the command").hasValue(1);
    }

    private static MockHttpServletResponse send(IdempotencyFilter filter, String key, jakarta.servlet.FilterChain chain)
            throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ci", null, java.util.List.of()));
        MockHttpServletRequest request =
                new MockHttpServletRequest("POST", "/api/v1/databases/db/environments/ci/applies");
        request.addHeader(IdempotencyFilter.HEADER, key);
        request.setContent("{\"migrationId\":\"0001_a\"}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
