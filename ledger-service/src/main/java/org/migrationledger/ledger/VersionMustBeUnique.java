package org.migrationledger.ledger;

/** Each schema version names exactly one migration of a database. */
record VersionMustBeUnique(LedgerState state, String version) implements DecisionRule {

    @Override
    public boolean isViolated() {
        return state.migrationWithVersion(version).isPresent();
    }

    @Override
    public LedgerRuleViolation violation() {
        return new LedgerRuleViolation(
                "version-collision",
                LedgerRuleViolation.Refusal.CONFLICT,
                "Version " + version + " is already used by migration "
                        + state.migrationWithVersion(version).orElseThrow() + " in this database.",
                "version");
    }
}
