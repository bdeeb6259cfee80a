package org.migrationledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.migrationledger.web.IdempotencyRecords.StoredRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on writes: a retry with the same key and body records nothing twice and gets the first
 * answer again; the same key with another body is a 422. The key's claim, the command's events and the answer are
 * one transaction, so a retry sent while the first request runs waits for it and gets its answer, and a failure
 * (5xx) records nothing and frees the key, and so does a request refused unread (400, 401, 403, 404, 413, 415). A key still marked in flight (left by a version of the ledger that
 * committed them separately) is a retryable 503 until it is abandoned, then the retry takes it over: the command is
 * decided again on the ledger as it is, so a fact the first attempt did record is answered, not recorded twice.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    /**
     * Answers to a request the ledger never got to decide on (malformed, unauthenticated, forbidden, unknown target, too
     * large, not JSON): nothing was recorded, so the key stays free for the corrected request. A 409 or 422 is a
     * decision on the request itself, and is remembered.
     */
    private static final Set<Integer> REJECTED_UNREAD = Set.of(400, 401, 403, 404, 413, 415);

    private final IdempotencyRecords records;
    private final ObjectMapper mapper;
    private final PlatformTransactionManager transactions;

    public IdempotencyFilter(IdempotencyRecords records, ObjectMapper mapper, PlatformTransactionManager transactions) {
        this.records = records;
        this.mapper = mapper;
        this.transactions = transactions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null || !("POST".equals(method) || "PUT".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || caller == null) {
            write(
                    response,
                    Problems.withFieldErrors(
                            HttpStatus.BAD_REQUEST,
                            "invalid-idempotency-key",
                            "Invalid Idempotency-Key",
                            "The Idempotency-Key header must hold 1 to " + MAX_KEY_LENGTH + " characters.",
                            List.of(new Problems.FieldProblem(
                                    HEADER, "must hold 1 to " + MAX_KEY_LENGTH + " characters"))));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestBodyTooLargeException e) {
            write(response, ProblemAdvice.bodyTooLarge(e.getMessage()));
            return;
        }
        Claim claim = new Claim(caller.getName(), key, requestHash(request, body));
        handleFirst(new CachedBodyRequest(request, body), response, chain, claim);
    }

    /**
     * The claim, the command's events and the stored answer commit in one transaction: a retry can never find the
     * fact recorded without its answer, and a failure anywhere records nothing, so the key is free for the retry.
     */
    private void handleFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Claim claim)
            throws ServletException, IOException {
        TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        try {
            Optional<StoredRecord> stored = records.claim(claim.principal(), claim.key(), claim.hash());
            if (stored.isPresent()) {
                transactions.commit(transaction);
                answerFromStore(stored.get(), claim.hash(), response);
                return;
            }
            ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, cached);
            finish(transaction, cached, claim);
            cached.copyBodyToResponse();
        } finally {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
        }
    }

    private void finish(TransactionStatus transaction, ContentCachingResponseWrapper cached, Claim claim) {
        if (cached.getStatus() >= HttpStatus.INTERNAL_SERVER_ERROR.value()
                || REJECTED_UNREAD.contains(cached.getStatus())) {
            transactions.rollback(transaction);
            return;
        }
        if (transaction.isRollbackOnly()) {
            transactions.rollback(transaction);
            if (cached.getStatus() < HttpStatus.BAD_REQUEST.value()) {
                // A success whose transaction is marked for rollback: some part of the request failed inside it
                // and was handled (a query on a connection that died), and the rollback just undid the write the
                // answer reports. Neither sent nor stored: the client retries with its key (DatabaseOutageFilter).
                throw new UnexpectedRollbackException("The write of " + claim.key() + " was rolled back after its"
                        + " answer was built; it is not recorded");
            }
            // The command was refused and its unit of work rolled back: only the answer is left to remember.
            new TransactionTemplate(transactions).executeWithoutResult(again -> {
                if (records.claim(claim.principal(), claim.key(), claim.hash()).isEmpty()) {
                    complete(cached, claim);
                }
            });
            return;
        }
        complete(cached, claim);
        transactions.commit(transaction);
    }

    private void complete(ContentCachingResponseWrapper cached, Claim claim) {
        String position = cached.getHeader(LedgerPosition.HEADER);
        records.complete(
                claim.principal(),
                claim.key(),
                cached.getStatus(),
                cached.getContentType(),
                cached.getContentAsByteArray(),
                position == null ? null : Long.valueOf(position));
    }

    private record Claim(String principal, String key, String hash) {}

    private void answerFromStore(StoredRecord stored, String hash, HttpServletResponse response) throws IOException {
        if (!stored.requestHash().equals(hash)) {
            write(
                    response,
                    Problems.of(
                            HttpStatus.UNPROCESSABLE_ENTITY,
                            "idempotency-key-reused",
                            "Idempotency-Key reused",
                            "This Idempotency-Key was already used for a different request;"
                                    + " use a new key for a new request."));
            return;
        }
        if (!stored.completed()) {
            // A claim left in flight is taken over once abandoned (IdempotencyRecords#claim); until then the retry is
            // told to come back, never that the key is stuck.
            DatabaseOutage.writeRetryable(
                    response,
                    mapper,
                    Problems.of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "idempotency-key-in-flight",
                            "Request in flight",
                            "The first request with this Idempotency-Key has not finished; retry with the same key"
                                    + " to get its answer."));
            return;
        }
        response.setStatus(stored.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (stored.position() != null) {
            response.setHeader(LedgerPosition.HEADER, stored.position().toString());
        }
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

    private static String requestHash(HttpServletRequest request, byte[] body) {
        return requestHash(request.getMethod(), request.getRequestURI(), body);
    }

    static String requestHash(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already buffered");
                }
            };
        }
    }
}
