package org.migrationledger.query;

import java.util.List;
import java.util.Map;
import org.migrationledger.api.queries.AwaitingApprovalView;
import org.migrationledger.api.queries.EnvironmentSummaryView;

/**
 * One database of the fleet.
 *
 * @param openDrift how many open drift findings, by severity ({@code HIGH}, {@code MEDIUM}, {@code LOW}; every key
 *     present)
 */
record FleetEntry(
        String database,
        List<EnvironmentSummaryView> environments,
        Map<String, Long> openDrift,
        List<AwaitingApprovalView> awaitingApproval) {}
