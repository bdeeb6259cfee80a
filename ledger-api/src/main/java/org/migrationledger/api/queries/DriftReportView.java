package org.migrationledger.api.queries;

import java.time.Instant;
import java.util.List;

/**
 * Every open drift finding of one database.
 *
 * @param evaluatedAt the instant the time-based findings were evaluated at
 */
public record DriftReportView(String database, Instant evaluatedAt, List<DriftFindingView> findings) {

    public DriftReportView {
        findings = List.copyOf(findings);
    }
}
