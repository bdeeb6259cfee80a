package org.migrationledger.ledger;

/** A revision with the same checksum changes nothing and would only throw the approvals away. */
record RevisionMustChangeScript(MigrationState migration, String checksum) implements DecisionRule {

    @Override
    public boolean isViolated() {
        return migration.checksum().equals(checksum);
    }

    @Override
    public LedgerRuleViolation violation() {
        return new LedgerRuleViolation(
                "revision-unchanged",
                LedgerRuleViolation.Refusal.CONFLICT,
                "Migration " + migration.migrationId() + " already has checksum " + checksum + "; nothing to revise.",
                "checksum");
    }
}
