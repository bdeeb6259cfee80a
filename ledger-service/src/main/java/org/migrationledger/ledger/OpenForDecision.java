package org.migrationledger.ledger;

/**
 * Approvals and rejections are taken while a migration is proposed; a rejected, withdrawn or superseded one stays so,
 * and one that ran unproposed is proposed first.
 */
record OpenForDecision(MigrationState migration, String decision) implements DecisionRule {

    @Override
    public boolean isViolated() {
        return migration.status() == MigrationStatus.REJECTED
                || migration.status() == MigrationStatus.UNPROPOSED
                || !migration.status().live()
                || ("rejected".equals(decision) && migration.status() == MigrationStatus.APPROVED);
    }

    @Override
    public LedgerRuleViolation violation() {
        return new LedgerRuleViolation(
                "decision-closed",
                LedgerRuleViolation.Refusal.CONFLICT,
                migration.status() == MigrationStatus.UNPROPOSED
                        ? "Migration " + migration.migrationId() + " ran without being proposed and cannot be "
                                + decision + " yet; propose it with the same id and checksum first."
                        : "Migration " + migration.migrationId() + " is already "
                                + migration.status().name().toLowerCase() + " and cannot be " + decision
                                + "; propose a new migration instead.");
    }
}
