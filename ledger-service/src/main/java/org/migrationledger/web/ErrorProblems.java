package org.migrationledger.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Problem documents for what never reaches a controller: a request Spring Security's firewall rejects (a path that is
 * not normalised, an encoded slash or a control character in it) and any error the servlet container dispatches to
 * {@code /error}. Spring Boot's own error page answers those with a JSON of another shape.
 */
@Hidden
@RestController
class ErrorProblems implements ErrorController, RequestRejectedHandler {

    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    ErrorProblems(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, status.getReasonPhrase() + "."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem(HttpStatus.BAD_REQUEST, rejected.getMessage()));
    }

    /** A 4xx names the request line (path) as the field: nothing else was read when it was refused. */
    static ProblemDetail problem(HttpStatus status, String reason) {
        String type = status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (!status.is4xxClientError()) {
            return Problems.of(status, type, status.getReasonPhrase(), reason);
        }
        return Problems.withFieldErrors(
                status,
                type,
                status.getReasonPhrase(),
                "The request could not be accepted: " + reason,
                List.of(new Problems.FieldProblem("path", reason)));
    }
}
