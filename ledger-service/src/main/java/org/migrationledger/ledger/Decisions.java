package org.migrationledger.ledger;

import org.migrationledger.api.events.MigrationApproved;

/** How approvals add up: one approver normally; two distinct ones, one a dba, for breaking or high-impact changes. */
final class Decisions {

    private Decisions() {}

    static MigrationState migrationToDecide(LedgerState state, String migrationId) {
        return state.migration(migrationId)
                .orElseThrow(() -> new LedgerRuleViolation(
                        "unknown-migration",
                        LedgerRuleViolation.Refusal.UNKNOWN,
                        "Migration " + migrationId + " is not proposed in this database."));
    }

    static MigrationState replacement(LedgerState state, String migrationId) {
        return state.migration(migrationId)
                .orElseThrow(() -> new LedgerRuleViolation(
                        "unknown-migration",
                        LedgerRuleViolation.Refusal.INVALID,
                        "Replacement " + migrationId + " is not known in this database; propose it first.",
                        "replacementMigrationId"));
    }

    static MigrationApproved approved(String database, MigrationState migration, ApproveMigration command) {
        int required = migration.needsDbaAndTwoApprovers() ? 2 : 1;
        int count = migration.approvals().size() + 1;
        boolean dbaAmongThem =
                "dba".equals(command.role()) || migration.approvals().stream().anyMatch(ApprovalState::byDba);
        boolean complete = count >= required && (!migration.needsDbaAndTwoApprovers() || dbaAmongThem);
        return new MigrationApproved(
                database,
                migration.migrationId(),
                command.approvedBy(),
                command.role(),
                migration.checksum(),
                command.comment(),
                required,
                complete);
    }
}
