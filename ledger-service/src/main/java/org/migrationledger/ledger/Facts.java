package org.migrationledger.ledger;

import java.util.List;
import java.util.Optional;
import org.migrationledger.api.events.LedgerEvent;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.PolicyViolation;
import org.migrationledger.api.events.UnproposedMigrationNoticed;

/**
 * Facts are refused only when malformed: an environment outside the path is one (a typo must not create an
 * environment); a migration the ledger never saw is not, because it ran all the same.
 */
final class Facts {

    /** Who "proposed" a migration known only from a fact: nobody, so nobody is barred from approving it later. */
    static final String UNPROPOSED_BY = "(not proposed)";

    private Facts() {}

    static void requireEnvironment(LedgerState state, String environment) {
        if (!state.hasEnvironment(environment)) {
            throw new LedgerRuleViolation(
                    "unknown-environment",
                    LedgerRuleViolation.Refusal.UNKNOWN,
                    "Environment " + environment + " is not in the promotion path " + state.environments() + ".");
        }
    }

    /** For a gate question, which records nothing: the migration must be known. */
    static MigrationState migrationIn(LedgerState state, String migrationId, String environment) {
        requireEnvironment(state, environment);
        return state.migration(migrationId)
                .orElseThrow(() -> new LedgerRuleViolation(
                        "unknown-migration",
                        LedgerRuleViolation.Refusal.UNKNOWN,
                        "Migration " + migrationId + " was never proposed in this database; propose it first.",
                        "migrationId"));
    }

    /** The event that makes a migration known as unproposed, when a fact is the first the ledger hears of it. */
    static Optional<UnproposedMigrationNoticed> noticed(
            String database,
            LedgerState state,
            String migrationId,
            String environment,
            String version,
            String checksum) {
        requireEnvironment(state, environment);
        if (state.migration(migrationId).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new UnproposedMigrationNoticed(database, migrationId, version, checksum, environment));
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
                FailureText.kept(command.error()),
                FailureText.kept(command.failedStatement()),
                command.tool(),
                command.runUrl(),
                violations);
    }
}
