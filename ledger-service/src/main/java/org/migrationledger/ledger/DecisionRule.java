package org.migrationledger.ledger;

/** A rule a decision must satisfy; a violated rule refuses the decision and records nothing. */
interface DecisionRule {

    boolean isViolated();

    LedgerRuleViolation violation();

    default void verify() {
        if (isViolated()) {
            throw violation();
        }
    }
}
