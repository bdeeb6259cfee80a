package org.migrationledger.query;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.api.queries.DriftReportView;
import org.migrationledger.api.queries.FindDrift;
import org.springframework.stereotype.Component;

/** Counts a database's open drift by severity from the drift read model, which judges drift as of now. */
@Component
class OpenDriftCounts {

    private final QueryGateway queries;

    OpenDriftCounts(QueryGateway queries) {
        this.queries = queries;
    }

    Map<String, Long> of(String database) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String severity : new String[] {"HIGH", "MEDIUM", "LOW"}) {
            counts.put(severity, 0L);
        }
        queries.query(new FindDrift(database), ResponseTypes.optionalInstanceOf(DriftReportView.class))
                .join()
                .ifPresent(report -> report.findings().stream()
                        .map(DriftFindingView::severity)
                        .forEach(severity -> counts.merge(severity, 1L, Long::sum)));
        return counts;
    }
}
