package org.migrationledger.rollout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.migrationledger.ledger.CheckReporting;
import org.migrationledger.naming.Names;
import org.migrationledger.web.CommandDispatch;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Lets a pipeline check its settings (token, role, database, environment) before it changes a database. */
@RestController
@Tag(name = "Environments")
class ReportingAccessController {

    private final CommandDispatch dispatch;

    ReportingAccessController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Operation(
            summary = "Check that this token may report to the environment",
            description = "Answers 200 when the token holds the pipeline role, the database is registered and the"
                    + " environment is on its promotion path; the Flyway callback asks it before the first migration"
                    + " runs, so that a wrong token, database or environment stops the run. Records nothing.")
    @GetMapping("/api/v1/databases/{db}/environments/{env}/reporting-access")
    ReportingAccess check(
            @PathVariable @Pattern(regexp = Names.NAME, message = "must be a lower-case name") String db,
            @PathVariable @Pattern(regexp = Names.NAME, message = "must be a lower-case name") String env,
            HttpServletRequest request,
            Authentication caller) {
        List<String> path = dispatch.<List<String>>send(new CheckReporting(db, env), db, request, caller, null, null)
                .result();
        return new ReportingAccess(db, env, caller.getName(), path);
    }

    /** @param path the database's promotion path, the environment on it */
    record ReportingAccess(String database, String environment, String principal, List<String> path) {}
}
