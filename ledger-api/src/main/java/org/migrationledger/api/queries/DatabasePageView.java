package org.migrationledger.api.queries;

import java.util.List;

/**
 * One page of the fleet.
 *
 * @param total how many databases match the filter, across all pages
 */
public record DatabasePageView(List<DatabaseSummaryView> databases, long total, int offset, int limit) {

    public DatabasePageView {
        databases = List.copyOf(databases);
    }
}
