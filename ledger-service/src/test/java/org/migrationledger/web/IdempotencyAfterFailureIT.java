package org.migrationledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claim of an {@code Idempotency-Key}, what the request writes and its stored answer are one transaction, with
 * the records in the real database: an answer is stored only with what it reports, and a failure records nothing and
 * frees the key, so the retry is handled afresh and recorded once.
 */
class IdempotencyAfterFailureIT extends LedgerServiceIT {

    @Autowired
    IdempotencyRecords records;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    private IdempotencyFilter filter;

    @BeforeEach
    void writesGoToAProbeTable() {
        jdbc.sql("create table if not exists idempotency_probe (id varchar(100) primary key)")
                .update();
        filter = new IdempotencyFilter(records, mapper, transactions);
    }

    @AfterEach
    void forgetCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theAnswerIsStoredWithTheWriteItReports() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        FilterChain write = (request, response) -> {
            handled.incrementAndGet();
            jdbc.sql("insert into idempotency_probe (id) values ('stored')").update();
            ((HttpServletResponse) response).setStatus(201);
        };

        send("stored", write);
        MockHttpServletResponse retry = send("stored", write);

        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(handled).as("the retry never reached the command").hasValue(1);
        assertThat(probes("stored")).isEqualTo(1);
    }

    @Test
    void aFailureAfterTheWriteRecordsNothingAndFreesTheKey() throws Exception {
        AtomicInteger handled = new AtomicInteger();

        MockHttpServletResponse first = send("after-write", (request, response) -> {
            handled.incrementAndGet();
            jdbc.sql("insert into idempotency_probe (id) values ('after-write')")
                    .update();
            ((HttpServletResponse) response).setStatus(500);
        });
        assertThat(probes("after-write"))
                .as("the failed request's write was rolled back")
                .isZero();
        MockHttpServletResponse retry = send("after-write", (request, response) -> {
            handled.incrementAndGet();
            jdbc.sql("insert into idempotency_probe (id) values ('after-write')")
                    .update();
            ((HttpServletResponse) response).setStatus(201);
        });

        assertThat(first.getStatus()).isEqualTo(500);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(handled).hasValue(2);
        assertThat(probes("after-write")).isEqualTo(1);
    }

    @Test
    void aRefusedCommandKeepsItsAnswerButNothingElse() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        FilterChain refused = (request, response) -> {
            handled.incrementAndGet();
            // As a refused command's unit of work does: it joins the request's transaction and rolls back.
            new TransactionTemplate(transactions).executeWithoutResult(unitOfWork -> {
                jdbc.sql("insert into idempotency_probe (id) values ('refused')")
                        .update();
                unitOfWork.setRollbackOnly();
            });
            ((HttpServletResponse) response).setStatus(409);
            response.getWriter().write("{\"title\":\"Refused\"}");
        };

        MockHttpServletResponse first = send("refused", refused);
        MockHttpServletResponse retry = send("refused", refused);

        assertThat(first.getStatus()).isEqualTo(409);
        assertThat(retry.getStatus()).isEqualTo(409);
        assertThat(retry.getContentAsString()).contains("Refused");
        assertThat(retry.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(handled).hasValue(1);
        assertThat(probes("refused")).isZero();
    }

    private int probes(String id) {
        return jdbc.sql("select count(*) from idempotency_probe where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    private MockHttpServletResponse send(String key, FilterChain chain) throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ci", null, List.of()));
        MockHttpServletRequest request =
                new MockHttpServletRequest("POST", "/api/v1/databases/db/environments/ci/applies");
        request.addHeader(IdempotencyFilter.HEADER, key);
        request.setContent("{\"migrationId\":\"0001_a\"}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
