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
import java.util.Optional;
import java.util.Set;
import org.migrationledger.web.IdempotencyRecords.StoredRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on writes: a retry with the same key and body records nothing twice and gets the first
 * answer again; the same key with another body is a 422. A key whose first request is still running, whose answer
 * was lost in a crash, or that failed after its command committed, is a 409: the write may have been recorded, so it
 * is never recorded again blindly. A failure before anything was recorded, and a request refused unread (400, 401,
 * 403, 404, 413, 415), free the key for a retry.
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

    public IdempotencyFilter(IdempotencyRecords records, ObjectMapper mapper) {
        this.records = records;
        this.mapper = mapper;
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
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "invalid-idempotency-key",
                            "Invalid Idempotency-Key",
                            "The Idempotency-Key header must hold 1 to " + MAX_KEY_LENGTH + " characters."));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestBodyTooLargeException e) {
            write(
                    response,
                    Problems.of(
                            HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large", e.getMessage()));
            return;
        }
        String hash = requestHash(request, body);
        Optional<StoredRecord> stored = records.claim(caller.getName(), key, hash);
        if (stored.isPresent()) {
            answerFromStore(stored.get(), hash, response);
            return;
        }
        handleFirst(new CachedBodyRequest(request, body), response, chain, caller.getName(), key);
    }

    private void handleFirst(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, String principal, String key)
            throws ServletException, IOException {
        ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, cached);
            if (cached.getStatus() < HttpStatus.INTERNAL_SERVER_ERROR.value()
                    && !REJECTED_UNREAD.contains(cached.getStatus())) {
                String position = cached.getHeader(LedgerPosition.HEADER);
                records.complete(
                        principal,
                        key,
                        cached.getStatus(),
                        cached.getContentType(),
                        cached.getContentAsByteArray(),
                        position == null ? null : Long.valueOf(position));
                stored = true;
            }
        } finally {
            // A failure after the command committed keeps the key in flight: its retry must not record it again.
            if (!stored && request.getAttribute(CommandDispatch.COMMITTED_ATTRIBUTE) == null) {
                records.release(principal, key);
            }
            cached.copyBodyToResponse();
        }
    }

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
            write(
                    response,
                    Problems.of(
                            HttpStatus.CONFLICT,
                            "idempotency-key-in-flight",
                            "Request in flight",
                            "The first request with this Idempotency-Key has not finished (or its answer was lost);"
                                    + " check the ledger before sending it under a new key."));
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
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(
                    (request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
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
