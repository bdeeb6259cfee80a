package org.migrationledger.api.queries;

import java.util.Map;

/**
 * Open drift findings by database and severity ({@code HIGH}, {@code MEDIUM}, {@code LOW}); a database without open
 * drift is absent.
 */
public record OpenDriftCountsView(Map<String, Map<String, Long>> bySeverity) {

    public OpenDriftCountsView {
        bySeverity = Map.copyOf(bySeverity);
    }
}
