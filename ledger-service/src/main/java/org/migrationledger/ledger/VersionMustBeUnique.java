package org.migrationledger.ledger;

/** Each schema version names exactly one migration of a database. */
record VersionMustBeUnique(LedgerState state, String version, String migrationId) implements DecisionRule {

    /** The migration's own version is no collision: a proposal adopting a migration that ran unproposed keeps it. */
    @Override
    public boolean isViolated() {
        return state.migrationWithVersion(version)
                .filter(holder -> !holder.equals(migrationId))
                .isPresent();
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
