package org.migrationledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Tomcat refuses some requests before any filter runs (an encoded slash or an invalid escape in the path, a request
 * line it cannot parse) and answers them with an HTML page. This valve writes the same problem document the service
 * answers everything else with.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** Spring's builder, for its ProblemDetail mix-in: extra properties at the top level, as everywhere else. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        String reason = response.getMessage() != null && !response.getMessage().isBlank()
                ? response.getMessage()
                : "the server could not read the request line or path";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(ErrorProblems.problem(status, reason)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was committed meanwhile; nothing more can be said.
        }
    }
}
