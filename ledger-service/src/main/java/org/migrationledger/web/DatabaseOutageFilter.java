package org.migrationledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter of the API: a database failure that escapes a filter (the idempotency claim, a commit or a
 * rollback on a cut connection) never reaches the MVC exception handlers, and would end as the container's 500.
 * It is answered as the retryable 503 the controllers give ({@link DatabaseOutage}).
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ObjectMapper mapper;

    public DatabaseOutageFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn(
                    "{} {} answered 503: the database failed ({})",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.toString());
            response.reset();
            DatabaseOutage.writeRetryable(response, mapper, DatabaseOutage.problem());
        }
    }
}
