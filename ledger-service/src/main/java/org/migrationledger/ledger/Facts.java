package org.migrationledger.ledger;

import java.util.List;
import org.migrationledger.api.events.LedgerEvent;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.PolicyViolation;

/** Facts are refused only when malformed: an environment outside the path, or a migration never proposed. */
final class Facts {

    private Facts() {}

    static void requireEnvironment(LedgerState state, String environment) {
        if (!state.hasEnvironment(environment)) {
            throw new LedgerRuleViolation(
                    "unknown-environment",
                    LedgerRuleViolation.Refusal.UNKNOWN,
                    "Environment " + environment + " is not in the promotion path " + state.environments() + ".");
        }
    }

    static MigrationState migrationIn(LedgerState state, String migrationId, String environment) {
        requireEnvironment(state, environment);
        return state.migration(migrationId)
                .orElseThrow(() -> new LedgerRuleViolation(
                        "unknown-migration",
                        LedgerRuleViolation.Refusal.UNKNOWN,
                        "Migration " + migrationId + " was never proposed in this database; propose it first.",
                        "migrationId"));
    }

    static LedgerEvent applyEvent(String database, RecordApply command, List<PolicyViolation> violations) {
        if (command.succeeded()) {
            return new MigrationApplied(
                    database,
                    command.migrationId(),
                    command.environment(),
                    command.checksum(),
                    command.startedAt(),
                    command.durationMs(),
                    command.tool(),
                    command.runUrl(),
                    violations);
        }
        return new MigrationApplyFailed(
                database,
                command.migrationId(),
                command.environment(),
                command.checksum(),
                command.startedAt(),
                command.durationMs(),
                command.error(),
                command.tool(),
                command.runUrl(),
                violations);
    }
}
