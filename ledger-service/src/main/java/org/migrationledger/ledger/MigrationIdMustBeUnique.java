package org.migrationledger.ledger;

/** Two developers who picked the same migration number must find out before either runs. */
record MigrationIdMustBeUnique(LedgerState state, String migrationId) implements DecisionRule {

    @Override
    public boolean isViolated() {
        return state.migration(migrationId).isPresent();
    }

    @Override
    public LedgerRuleViolation violation() {
        return new LedgerRuleViolation(
                "migration-id-collision",
                LedgerRuleViolation.Refusal.CONFLICT,
                "Migration id " + migrationId + " is already taken in this database; pick the next free number.",
                "migrationId");
    }
}
