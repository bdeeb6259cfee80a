package org.migrationledger.ledger;

import java.util.Optional;

/**
 * When a decision that ends a migration (withdrawal, supersession) may be taken: on a migration that is still live,
 * by someone entitled to it, and a withdrawal only before the migration ran anywhere (a migration that ran is
 * superseded or rolled back instead, so its facts keep their meaning). The first rule that fails names the refusal.
 *
 * @param replacement the replacing migration, for a supersession; null for a withdrawal
 */
record DecisionMustEnd(MigrationState migration, MigrationState replacement, String principal, boolean admin) {

    void verify() {
        refusal().ifPresent(refusal -> {
            throw refusal;
        });
    }

    private Optional<LedgerRuleViolation> refusal() {
        String id = migration.migrationId();
        if (!migration.status().live()) {
            return conflict("decision-closed", "Migration " + id + " is already " + lower(migration) + ".");
        }
        if (!entitled()) {
            return conflict(
                    "not-proposer",
                    principal + " did not propose " + id + (replacement == null ? "" : " or its replacement")
                            + "; only the proposer or an admin may end it.");
        }
        if (replacement == null) {
            return migration.hasRun()
                    ? conflict(
                            "already-ran",
                            "Migration " + id + " already ran; supersede it by another migration or roll it back.")
                    : Optional.empty();
        }
        if (replacement.migrationId().equals(id) || !replacement.status().live()) {
            return Optional.of(new LedgerRuleViolation(
                    "invalid-replacement",
                    LedgerRuleViolation.Refusal.INVALID,
                    "Migration " + replacement.migrationId() + " cannot replace " + id + ": a migration is replaced"
                            + " by another one that is neither withdrawn nor superseded.",
                    "replacementMigrationId"));
        }
        return Optional.empty();
    }

    private boolean entitled() {
        return admin
                || migration.proposedBy().equals(principal)
                || (replacement != null && replacement.proposedBy().equals(principal));
    }

    private static String lower(MigrationState migration) {
        return migration.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Optional<LedgerRuleViolation> conflict(String type, String detail) {
        return Optional.of(new LedgerRuleViolation(type, LedgerRuleViolation.Refusal.CONFLICT, detail));
    }
}
