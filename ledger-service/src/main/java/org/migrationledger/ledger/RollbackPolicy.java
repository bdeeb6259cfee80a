package org.migrationledger.ledger;

import java.util.ArrayList;
import java.util.List;
import org.migrationledger.api.events.PolicyViolation;

/** The breaches a rollback can commit; recorded with the rollback, never a reason to refuse it. */
final class RollbackPolicy {

    private RollbackPolicy() {}

    static List<PolicyViolation> violations(
            LedgerState ledger, MigrationState migration, String environment, String method) {
        List<PolicyViolation> violations = new ArrayList<>();
        String id = migration.migrationId();
        if (migration.status() == MigrationStatus.UNPROPOSED) {
            new MustStillBeMeant()
                    .check(new ApplyContext(ledger, migration, environment, null, null, null))
                    .ifPresent(violations::add);
        }
        if (!migration.in(environment).applied()) {
            violations.add(new PolicyViolation(
                    "NOT_APPLIED",
                    "Migration " + id + " is not applied in " + environment + ", so there is nothing to roll back."));
        }
        if ("DOWN_SCRIPT".equals(method) && !migration.hasDownScript()) {
            violations.add(new PolicyViolation(
                    "NO_DOWN_SCRIPT",
                    "Migration " + id + " was proposed without a down script, yet rolled back with one."));
        }
        if ("DOWN_SCRIPT".equals(method) && !migration.rollbackSafe()) {
            violations.add(new PolicyViolation(
                    "NOT_ROLLBACK_SAFE",
                    "Migration " + id + " is not rollback-safe: its down script can lose data or break readers."));
        }
        List<String> later = ledger.migrationsAfter(id).stream()
                .filter(after -> after.in(environment).applied())
                .map(MigrationState::migrationId)
                .toList();
        if (!later.isEmpty()) {
            violations.add(new PolicyViolation(
                    "LATER_MIGRATIONS_APPLIED",
                    "Later migrations are still applied in " + environment + ": " + String.join(", ", later) + "."));
        }
        return violations;
    }
}
