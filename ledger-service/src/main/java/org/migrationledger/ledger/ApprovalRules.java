package org.migrationledger.ledger;

/**
 * Who may approve what: never the proposer, each approver once, and only the checksum that is proposed. Several rules
 * in one record because the first that fails names the refusal; they are checked once, in order.
 */
record ApprovalRules(MigrationState migration, ApproveMigration command) {

    void verify() {
        LedgerRuleViolation refusal = firstRefusal();
        if (refusal != null) {
            throw refusal;
        }
    }

    private LedgerRuleViolation firstRefusal() {
        String id = migration.migrationId();
        if (migration.proposedBy().equals(command.approvedBy())) {
            return conflict("self-approval", "The proposer of " + id + " cannot approve it; ask another approver.");
        }
        if (migration.approvedBy(command.approvedBy())) {
            return conflict("duplicate-approval", command.approvedBy() + " has already approved " + id + ".");
        }
        if (migration.status() == MigrationStatus.APPROVED) {
            return conflict("already-approved", "Migration " + id + " already has every approval it needs.");
        }
        if (command.checksum() != null && !command.checksum().equals(migration.checksum())) {
            return new LedgerRuleViolation(
                    "stale-checksum",
                    LedgerRuleViolation.Refusal.CONFLICT,
                    "The approval is for checksum " + command.checksum() + " but " + id + " has checksum "
                            + migration.checksum() + "; review the current script.",
                    "checksum");
        }
        return null;
    }

    private static LedgerRuleViolation conflict(String type, String detail) {
        return new LedgerRuleViolation(type, LedgerRuleViolation.Refusal.CONFLICT, detail);
    }
}
