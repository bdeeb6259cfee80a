package org.migrationledger.api.queries;

import java.util.List;

/**
 * The drift that blocks a rollout to one environment.
 *
 * @param gated whether open drift is a gate condition for this environment ({@code ledger.drift.gate-environments})
 * @param blocking the open findings that block it; {@code PENDING_TOO_LONG} never blocks, as the rollout resolves it
 */
public record OpenDriftView(String database, String environment, boolean gated, List<DriftFindingView> blocking) {

    public OpenDriftView {
        blocking = List.copyOf(blocking);
    }

    /** Whether the gate must refuse the rollout. */
    public boolean blocksRollout() {
        return gated && !blocking.isEmpty();
    }
}
