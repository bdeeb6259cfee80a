package org.migrationledger.api.queries;

import java.util.List;

/**
 * A database at a glance.
 *
 * @param environments its promotion path, in order, each with its current version
 * @param awaitingApproval the proposed migrations not yet fully approved (nor rejected), in version order
 */
public record DatabaseSummaryView(
        String database, List<EnvironmentSummaryView> environments, List<AwaitingApprovalView> awaitingApproval) {

    public DatabaseSummaryView {
        environments = List.copyOf(environments);
        awaitingApproval = List.copyOf(awaitingApproval);
    }
}
