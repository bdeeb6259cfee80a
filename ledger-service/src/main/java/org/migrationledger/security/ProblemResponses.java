package org.migrationledger.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.migrationledger.web.Problems;
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
        write(
                response,
                Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        "unauthenticated",
                        "Unauthenticated",
                        "Send a valid token as 'Authorization: Bearer <token>'."));
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
