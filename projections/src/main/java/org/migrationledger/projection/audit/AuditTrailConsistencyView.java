package org.migrationledger.projection.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * What a consistency check of one audit-trail generation found over a position range.
 *
 * @param toPosition the last position judged: the one asked for, or what the generation has processed (-1: nothing)
 * @param missing stored events without their row
 * @param unexpected rows that match no stored event at their position (misplaced or foreign)
 * @param firstMissingPosition the global index of the first stored event without its row, null when none is missing
 */
public record AuditTrailConsistencyView(
        int generation,
        long fromPosition,
        long toPosition,
        long storeEvents,
        long trailRows,
        long missing,
        long unexpected,
        Long firstMissingPosition,
        List<DatabaseConsistencyView> databases) {

    static AuditTrailConsistencyView of(int generation, long from, long to, List<DatabaseConsistencyView> databases) {
        return new AuditTrailConsistencyView(
                generation,
                from,
                to,
                databases.stream()
                        .mapToLong(DatabaseConsistencyView::storeEvents)
                        .sum(),
                databases.stream().mapToLong(DatabaseConsistencyView::trailRows).sum(),
                databases.stream().mapToLong(DatabaseConsistencyView::missing).sum(),
                databases.stream()
                        .mapToLong(DatabaseConsistencyView::unexpected)
                        .sum(),
                databases.stream()
                        .map(DatabaseConsistencyView::firstMissingPosition)
                        .filter(Objects::nonNull)
                        .min(Long::compare)
                        .orElse(null),
                List.copyOf(databases));
    }

    @JsonProperty("consistent")
    public boolean consistent() {
        return missing == 0 && unexpected == 0;
    }
}
