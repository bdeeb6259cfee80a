package org.migrationledger.proposal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.migrationledger.api.events.MigrationSuperseded;
import org.migrationledger.api.events.MigrationWithdrawn;
import org.migrationledger.ledger.SupersedeMigration;
import org.migrationledger.ledger.WithdrawMigration;
import org.migrationledger.security.Role;
import org.migrationledger.web.CommandDispatch;
import org.migrationledger.web.CommandDispatch.Dispatched;
import org.migrationledger.web.LedgerName;
import org.migrationledger.web.LedgerPosition;
import org.migrationledger.web.MigrationIdParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Decisions that end a migration: its proposer (or an admin) withdraws it, or it is replaced by another one. */
@RestController
@Tag(name = "Migrations")
@RequestMapping("/api/v1/databases/{db}/migrations/{id}")
class MigrationEndController {

    private final CommandDispatch dispatch;

    MigrationEndController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Operation(
            summary = "Withdraw a migration",
            description =
                    "Withdraws a migration that has not run anywhere yet. Only its proposer or an admin may (409 not-proposer otherwise); a migration that already ran is superseded instead (409 already-ran). The gate then refuses it (WITHDRAWN) and the grid shows WITHDRAWN where it never ran.")
    @PostMapping("/withdrawal")
    ResponseEntity<MigrationWithdrawn> withdraw(
            @PathVariable @LedgerName String db,
            @PathVariable String id,
            @RequestBody @Valid WithdrawalRequest body,
            HttpServletRequest request,
            Authentication caller) {
        WithdrawMigration command = new WithdrawMigration(
                db, MigrationIdParameter.fromRequest(id, "id"), caller.getName(), isAdmin(caller), body.reason());
        Dispatched<MigrationWithdrawn> outcome = dispatch.send(command, db, request, caller, null, null);
        return LedgerPosition.respond(HttpStatus.CREATED, outcome.position(), outcome.result());
    }

    @Operation(
            summary = "Supersede a migration by another",
            description =
                    "Records that the migration is replaced by another migration of the database (e.g. after two developers picked the same number). The proposer of either migration or an admin may. Where it already ran its facts stay; elsewhere the gate refuses it (SUPERSEDED), later migrations no longer wait for it, and the grid shows SUPERSEDED.")
    @PostMapping("/supersession")
    ResponseEntity<MigrationSuperseded> supersede(
            @PathVariable @LedgerName String db,
            @PathVariable String id,
            @RequestBody @Valid SupersessionRequest body,
            HttpServletRequest request,
            Authentication caller) {
        SupersedeMigration command = new SupersedeMigration(
                db,
                MigrationIdParameter.fromRequest(id, "id"),
                MigrationIdParameter.fromRequest(body.replacementMigrationId(), "replacementMigrationId"),
                caller.getName(),
                isAdmin(caller),
                body.reason());
        Dispatched<MigrationSuperseded> outcome = dispatch.send(command, db, request, caller, null, null);
        return LedgerPosition.respond(HttpStatus.CREATED, outcome.position(), outcome.result());
    }

    private static boolean isAdmin(Authentication caller) {
        return caller.getAuthorities().stream()
                .anyMatch(granted -> Role.ADMIN.authority().equals(granted.getAuthority()));
    }

    record WithdrawalRequest(@NotBlank @Size(max = 4000) String reason) {}

    record SupersessionRequest(
            @NotBlank @Size(max = 200) String replacementMigrationId,
            @NotBlank @Size(max = 4000) String reason) {}
}
