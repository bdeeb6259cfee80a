package org.migrationledger.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.migrationledger.api.queries.FindOpenDriftCounts;
import org.migrationledger.api.queries.OpenDriftCountsView;
import org.springframework.stereotype.Component;

/**
 * Counts the open drift of a page of databases by severity, in one query of the drift read model's stored findings
 * (a report per database used to be judged from its whole history for every row of the fleet).
 */
@Component
class OpenDriftCounts {

    private static final List<String> SEVERITIES = List.of("HIGH", "MEDIUM", "LOW");

    private final QueryGateway queries;

    OpenDriftCounts(QueryGateway queries) {
        this.queries = queries;
    }

    /** Per database of the page, its counts by severity, every severity present (zero when none). */
    Map<String, Map<String, Long>> of(List<String> databases) {
        OpenDriftCountsView found = databases.isEmpty()
                ? new OpenDriftCountsView(Map.of())
                : queries.query(new FindOpenDriftCounts(databases), OpenDriftCountsView.class)
                        .join();
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (String database : databases) {
            Map<String, Long> bySeverity = new LinkedHashMap<>();
            SEVERITIES.forEach(severity -> bySeverity.put(severity, 0L));
            bySeverity.putAll(found.bySeverity().getOrDefault(database, Map.of()));
            counts.put(database, bySeverity);
        }
        return counts;
    }
}
