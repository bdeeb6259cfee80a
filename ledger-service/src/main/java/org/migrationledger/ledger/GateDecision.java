package org.migrationledger.ledger;

import java.util.List;
import org.migrationledger.api.events.PolicyViolation;

/** The gate's answer: allowed only when there is no reason against. */
public record GateDecision(boolean allowed, List<PolicyViolation> reasons) {

    public static GateDecision of(List<PolicyViolation> reasons) {
        return new GateDecision(reasons.isEmpty(), List.copyOf(reasons));
    }
}
