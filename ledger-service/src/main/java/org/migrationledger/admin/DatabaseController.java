package org.migrationledger.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import org.migrationledger.ledger.PutDatabase;
import org.migrationledger.ledger.RegistrationOutcome;
import org.migrationledger.web.CommandDispatch;
import org.migrationledger.web.CommandDispatch.Dispatched;
import org.migrationledger.web.InvalidRequestException;
import org.migrationledger.web.LedgerName;
import org.migrationledger.web.LedgerPosition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/databases")
class DatabaseController {

    static final List<String> DEFAULT_PATH = List.of("local", "ci", "staging", "production");

    private final CommandDispatch dispatch;

    DatabaseController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @PutMapping("/{db}")
    ResponseEntity<DatabaseResponse> put(
            @PathVariable @LedgerName String db,
            @RequestBody(required = false) @Valid DatabaseRequest body,
            HttpServletRequest request,
            Authentication caller) {
        List<String> path = body == null || body.environments() == null ? DEFAULT_PATH : body.environments();
        if (new HashSet<>(path).size() != path.size()) {
            throw new InvalidRequestException(
                    HttpStatus.BAD_REQUEST, "invalid-request", "environments", "must not name an environment twice");
        }
        Dispatched<RegistrationOutcome> outcome =
                dispatch.send(new PutDatabase(db, path), db, request, caller, null, null);
        RegistrationOutcome registered = outcome.result();
        return LedgerPosition.respond(
                registered.created() ? HttpStatus.CREATED : HttpStatus.OK,
                outcome.position(),
                new DatabaseResponse(registered.database(), registered.environments()));
    }

    /** @param environments the promotion path in order; omitted for {@code local, ci, staging, production} */
    record DatabaseRequest(
            @Size(min = 1, max = 20, message = "must list between 1 and 20 environments")
            List<@NotEmpty @LedgerName String> environments) {}

    record DatabaseResponse(String database, List<String> environments) {}
}
