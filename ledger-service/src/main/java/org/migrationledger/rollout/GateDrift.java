package org.migrationledger.rollout;

import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.migrationledger.api.events.PolicyViolation;
import org.migrationledger.api.queries.FindOpenDrift;
import org.migrationledger.api.queries.OpenDriftView;
import org.springframework.stereotype.Component;

/**
 * "No rollout while drift is open": in the environments named by {@code ledger.drift.gate-environments}, every open
 * drift finding of a gating kind is a reason for the gate to refuse. Drift is read from its read model, so a finding
 * shows here once the drift projection has processed the fact behind it.
 */
@Component
class GateDrift {

    private final QueryGateway queries;

    GateDrift(QueryGateway queries) {
        this.queries = queries;
    }

    List<PolicyViolation> reasons(String database, String environment) {
        OpenDriftView drift = queries.query(new FindOpenDrift(database, environment), OpenDriftView.class)
                .join();
        if (!drift.blocksRollout()) {
            return List.of();
        }
        return drift.blocking().stream()
                .map(finding -> new PolicyViolation(
                        "OPEN_DRIFT",
                        "Open drift blocks rollouts to " + environment + " (" + finding.kind() + "): "
                                + finding.detail()))
                .toList();
    }
}
