package org.migrationledger.ledger;

/** Approvals and rejections are taken while a migration is proposed; a rejected one stays rejected. */
record OpenForDecision(MigrationState migration, String decision) implements DecisionRule {

    @Override
    public boolean isViolated() {
        return migration.status() == MigrationStatus.REJECTED
                || ("rejected".equals(decision) && migration.status() == MigrationStatus.APPROVED);
    }

    @Override
    public LedgerRuleViolation violation() {
        return new LedgerRuleViolation(
                "decision-closed",
                LedgerRuleViolation.Refusal.CONFLICT,
                "Migration " + migration.migrationId() + " is already "
                        + migration.status().name().toLowerCase() + " and cannot be " + decision
                        + "; propose a new migration instead.");
    }
}
