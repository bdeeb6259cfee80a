package org.migrationledger.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problems with the ledger's stable type URIs. */
public final class Problems {

    public static final String TYPE_PREFIX = "https://migrationledger.org/problems/";
    public static final String ERRORS_PROPERTY = "errors";

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail withFieldErrors(
            HttpStatus status, String type, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = of(status, type, title, detail);
        problem.setProperty(ERRORS_PROPERTY, errors);
        return problem;
    }

    /** One field of the request and what is wrong with it. */
    public record FieldProblem(String field, String reason) {}
}
