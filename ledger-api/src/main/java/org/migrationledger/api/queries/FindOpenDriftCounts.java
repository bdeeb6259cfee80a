package org.migrationledger.api.queries;

import java.util.List;

/** Asks for the open drift of a page of databases, counted by severity. Answers {@link OpenDriftCountsView}. */
public record FindOpenDriftCounts(List<String> databases) {

    public FindOpenDriftCounts {
        databases = List.copyOf(databases);
    }
}
