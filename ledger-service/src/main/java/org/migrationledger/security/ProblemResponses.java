package org.migrationledger.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.migrationledger.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem JSON, like every other error of the API. */
public class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper mapper;

    public ProblemResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        Object refusal = request.getAttribute(BearerTokenFilter.REFUSAL);
        write(
                response,
                Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        "unauthenticated",
                        "Unauthenticated",
                        (refusal == null ? "" : refusal + " ")
                                + "Send a valid token as 'Authorization: Bearer <token>'."));
    }

    /** Too many failed authentications from this address: its credentials are not checked until the window ends. */
    void tooManyFailures(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemDetail problem = Problems.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-authentication-failures",
                "Too many authentication failures",
                ("This client failed to authenticate too often; its tokens are not checked for %d more second(s)."
                                + " Check the token, then retry after the time in Retry-After.")
                        .formatted(seconds));
        problem.setProperty("retryAfterSeconds", seconds);
        write(response, problem);
    }

    /** A genuine JWT of the identity provider that grants no ledger role. */
    void noRole(HttpServletResponse response, JwtAuthentication.Outcome.NoRole noRole) throws IOException {
        ProblemDetail problem = Problems.of(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Forbidden",
                ("%s holds no ledger role: the JWT's claim '%s' is missing or names none of %s.")
                        .formatted(noRole.principal(), noRole.claim(), roleNames()));
        problem.setProperty("rolesClaim", noRole.claim());
        write(response, problem);
    }

    private static List<String> roleNames() {
        return Arrays.stream(Role.values())
                .map(role -> role.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        List<String> needed =
                EndpointAccess.forRequest(request).map(AccessRule::roleNames).orElse(List.of());
        write(
                response,
                needed.isEmpty()
                        ? forbidden(e)
                        : needsRole(SecurityContextHolder.getContext().getAuthentication(), needed));
    }

    /** Names the roles the endpoint needs, so a caller with the wrong token knows which one to use. */
    private static ProblemDetail needsRole(Principal caller, List<String> needed) {
        String who = caller == null ? "The caller" : caller.getName();
        ProblemDetail problem = Problems.of(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Forbidden",
                "%s does not hold the role this endpoint needs: %s.".formatted(who, String.join(" or ", needed)));
        problem.setProperty("requiredRoles", needed);
        return problem;
    }

    public static ProblemDetail forbidden(AccessDeniedException e) {
        return Problems.of(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Forbidden",
                "Your roles do not allow this request" + (e.getMessage() == null ? "." : ": " + e.getMessage() + "."));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
