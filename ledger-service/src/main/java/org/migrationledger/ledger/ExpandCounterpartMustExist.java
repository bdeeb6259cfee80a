package org.migrationledger.ledger;

/** A contract migration can name its expand counterpart, which must then be a known expand migration. */
record ExpandCounterpartMustExist(LedgerState state, String category, String expandMigrationId)
        implements DecisionRule {

    @Override
    public boolean isViolated() {
        if (expandMigrationId == null) {
            return false;
        }
        return !"contract".equals(category)
                || state.migration(expandMigrationId)
                        .map(expand -> !"expand".equals(expand.category()))
                        .orElse(true);
    }

    @Override
    public LedgerRuleViolation violation() {
        String detail = !"contract".equals(category)
                ? "Only a contract migration names an expand counterpart; this one is " + category + "."
                : "Expand counterpart " + expandMigrationId + " is not a proposed expand migration of this database.";
        return new LedgerRuleViolation(
                "unknown-expand-counterpart", LedgerRuleViolation.Refusal.INVALID, detail, "expandMigrationId");
    }
}
