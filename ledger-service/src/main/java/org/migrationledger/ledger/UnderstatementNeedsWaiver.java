package org.migrationledger.ledger;

import org.migrationledger.api.events.ClassificationWaiver;

/** A declared classification weaker than the analysis stands only with an explicit waiver and its reason. */
record UnderstatementNeedsWaiver(ProposalClassification classification, ClassificationWaiver waiver)
        implements DecisionRule {

    @Override
    public boolean isViolated() {
        return !classification.understatements().isEmpty() && waiver == null;
    }

    @Override
    public LedgerRuleViolation violation() {
        return new LedgerRuleViolation(
                "classification-understated",
                LedgerRuleViolation.Refusal.CONFLICT,
                "The declared classification is weaker than the analysis: "
                        + String.join("; ", classification.understatements())
                        + ". Declare what the analysis found, or add a waiver with a reason.",
                "waiver");
    }
}
