package org.migrationledger.ledger;

import java.util.List;

/** An environment that holds recorded facts cannot be dropped from the promotion path: its history would dangle. */
record EnvironmentsWithFactsStay(LedgerState state, List<String> newPath) implements DecisionRule {

    @Override
    public boolean isViolated() {
        return !dropped().isEmpty();
    }

    @Override
    public LedgerRuleViolation violation() {
        return new LedgerRuleViolation(
                "environment-has-facts",
                LedgerRuleViolation.Refusal.CONFLICT,
                "The new promotion path drops " + String.join(", ", dropped())
                        + ", which already hold recorded facts; keep them in the path.",
                "environments");
    }

    private List<String> dropped() {
        return state.environments().stream()
                .filter(environment -> !newPath.contains(environment))
                .filter(state::hasFactsIn)
                .toList();
    }
}
