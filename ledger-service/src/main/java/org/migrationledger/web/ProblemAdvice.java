package org.migrationledger.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.migrationledger.ledger.LedgerRuleViolation;
import org.migrationledger.security.ProblemResponses;
import org.migrationledger.web.Problems.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure of the API to an RFC 9457 problem with a stable type; nothing leaks as a stack trace. */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final Pattern DATABASE_PATH = Pattern.compile("^/api/v1/databases/([^/]+)(?:/migrations/([^/]+))?");

    private final ApplicationEventPublisher events;

    ProblemAdvice(ApplicationEventPublisher events) {
        this.events = events;
    }

    @ExceptionHandler(LedgerRuleViolation.class)
    ProblemDetail refused(LedgerRuleViolation violation, HttpServletRequest request, Principal caller) {
        if (violation.refusal() == LedgerRuleViolation.Refusal.CONFLICT) {
            Matcher path = DATABASE_PATH.matcher(request.getRequestURI());
            boolean named = path.find();
            events.publishEvent(new DecisionRefused(
                    request.getMethod(),
                    request.getRequestURI(),
                    named ? path.group(1) : null,
                    named ? path.group(2) : null,
                    caller == null ? null : caller.getName(),
                    violation.problemType(),
                    violation.getMessage()));
        }
        HttpStatus status = switch (violation.refusal()) {
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        String title = switch (violation.refusal()) {
            case UNKNOWN -> "Not found";
            case CONFLICT -> "Refused";
            case INVALID -> "Invalid request";
        };
        if (violation.field() == null) {
            return Problems.of(status, violation.problemType(), title, violation.getMessage());
        }
        return Problems.withFieldErrors(
                status,
                violation.problemType(),
                title,
                violation.getMessage(),
                List.of(new FieldProblem(violation.field(), violation.getMessage())));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemResponses.forbidden(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownDatabase(AggregateNotFoundException e) {
        return Problems.of(
                HttpStatus.NOT_FOUND,
                "unknown-database",
                "Not found",
                "Database " + e.getAggregateIdentifier() + " is not registered; register it with PUT /api/v1/databases/"
                        + e.getAggregateIdentifier() + ".");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream()
                .map(error -> error.field() + " " + error.reason())
                .collect(Collectors.joining("; ", "The request has invalid fields: ", "."));
        return Problems.withFieldErrors(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, errors);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        return Problems.withFieldErrors(
                e.status(),
                e.type(),
                "Invalid request",
                e.getMessage(),
                List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (causedBy(e, RequestBodyTooLargeException.class)) {
            return bodyTooLarge(rootMessage(e));
        }
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return fieldProblem(field, "is not a field of this request (check its spelling)");
        }
        if (e.getCause() instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            String expected = target.isEnum()
                    ? "one of " + java.util.Arrays.toString(target.getEnumConstants())
                    : "a " + target.getSimpleName();
            return fieldProblem(path(format), "must be " + expected + ", not '" + format.getValue() + "'");
        }
        if (e.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return fieldProblem(
                    path(mismatch),
                    "has the wrong JSON type, expected "
                            + mismatch.getTargetType().getSimpleName());
        }
        // A value Jackson read but could not convert (an instant out of range, say): the path names the field.
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            return fieldProblem(path(mapping), "cannot be read: " + firstLine(rootMessage(mapping)));
        }
        // Spring's own message here names the Java method; the client needs to know the body is missing.
        if (e.getCause() == null && e.getMessage() != null && e.getMessage().startsWith("Required request body")) {
            return Problems.withFieldErrors(
                    HttpStatus.BAD_REQUEST,
                    "malformed-json",
                    "Malformed request body",
                    "The request needs a JSON body.",
                    List.of(new FieldProblem(BODY, "is required")));
        }
        String reason = "is not valid JSON: " + firstLine(rootMessage(e));
        return Problems.withFieldErrors(
                HttpStatus.BAD_REQUEST,
                "malformed-json",
                "Malformed request body",
                "The request body " + reason,
                List.of(new FieldProblem(BODY, reason)));
    }

    /** The problem of a body above the size limit; also written by {@link BodySizeLimitFilter} before any handler. */
    static ProblemDetail bodyTooLarge(String reason) {
        return Problems.withFieldErrors(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "body-too-large",
                "Request body too large",
                reason,
                List.of(new FieldProblem(BODY, reason)));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameter(HandlerMethodValidationException e) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(ProblemAdvice::fieldProblems)
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream()
                .map(error -> error.field() + " " + error.reason())
                .collect(Collectors.joining("; ", "The request has invalid fields: ", "."));
        return Problems.withFieldErrors(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, errors);
    }

    /** Errors of a request body are named by field; errors of a path or query parameter by the parameter. */
    private static Stream<FieldProblem> fieldProblems(ParameterValidationResult result) {
        if (result instanceof ParameterErrors body) {
            return body.getFieldErrors().stream()
                    .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        return result.getResolvableErrors().stream()
                .map(error ->
                        new FieldProblem(result.getMethodParameter().getParameterName(), error.getDefaultMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return fieldProblem(e.getName(), "cannot be read from value '" + e.getValue() + "'");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        String sent = e.getContentType() == null ? "none" : e.getContentType().toString();
        return Problems.withFieldErrors(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported media type",
                "Send the request body as application/json.",
                List.of(new FieldProblem(HttpHeaders.CONTENT_TYPE, "must be application/json, not " + sent)));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return Problems.of(
                HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed", e.getMessage() + ".");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return Problems.of(
                HttpStatus.NOT_FOUND,
                "not-found",
                "Not found",
                "There is no resource at /" + e.getResourcePath() + ".");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return fieldProblem(e.getParameterName(), "is required");
    }

    /**
     * Spring's own HTTP errors keep their status; only the body is made ours. Matched by the {@link ErrorResponse}
     * interface: several (a missing header, 406 Not Acceptable) are servlet exceptions, not ErrorResponseExceptions.
     */
    @ExceptionHandler({ErrorResponseException.class, ServletRequestBindingException.class, HttpMediaTypeException.class
    })
    ProblemDetail errorResponse(ErrorResponse e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        String detail = e.getBody().getDetail() != null ? e.getBody().getDetail() : status.getReasonPhrase() + ".";
        return Problems.of(
                status,
                status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                status.getReasonPhrase(),
                detail);
    }

    /**
     * Spring Security's firewall checks parameter names only when they are first read, inside the handler: a form
     * body (or a query string) with names it refuses lands here, not in its rejected-request handler.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        String field = e.getMessage() != null && e.getMessage().contains("parameter") ? "parameters" : "path";
        return Problems.withFieldErrors(
                HttpStatus.BAD_REQUEST,
                "bad-request",
                "Bad Request",
                "The request could not be accepted: " + e.getMessage(),
                List.of(new FieldProblem(field, String.valueOf(e.getMessage()))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutage.isCause(e)) {
            LOG.warn("Request answered 503: the database failed ({})", e.toString());
            return DatabaseOutage.response();
        }
        LOG.error("Request failed unexpectedly", e);
        return ResponseEntity.internalServerError()
                .body(
                        Problems.of(
                                HttpStatus.INTERNAL_SERVER_ERROR,
                                "internal-error",
                                "Internal error",
                                "The ledger could not handle the request; nothing partial was recorded. Retry, or contact the operator."));
    }

    /** The field a problem with the request body as a whole names. */
    static final String BODY = "body";

    private static ProblemDetail fieldProblem(String path, String reason) {
        // A JSON field may be named "" (or sit at the root): the body is then what the problem is about.
        String field = path == null || path.isBlank() ? BODY : path;
        return Problems.withFieldErrors(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                "Field " + field + " " + reason + ".",
                List.of(new FieldProblem(field, reason)));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference ->
                        reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? e.getMessage() : root.getMessage();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
