package org.migrationledger.api.queries;

import java.time.Instant;
import java.util.List;

/**
 * One page of a database's open drift findings.
 *
 * @param evaluatedAt the instant the time-based findings were evaluated at
 * @param total open findings in all pages
 */
public record DriftReportView(
        String database, Instant evaluatedAt, List<DriftFindingView> findings, long total, int offset, int limit) {

    public DriftReportView {
        findings = List.copyOf(findings);
    }
}
