package org.migrationledger.projection.drift;

import java.time.Instant;
import java.util.List;
import org.migrationledger.api.queries.DriftFindingView;

/**
 * A read model that reviews the findings of a drift report once every source has judged: it may drop findings a
 * decision made moot (a superseded migration is not pending) and mark findings a dba accepted. Reviews never add
 * findings; that is what a {@link DriftSource} does.
 */
public interface DriftReview {

    /** The findings of a database as this review leaves them, in the order given. */
    List<DriftFindingView> review(String database, List<DriftFindingView> findings, Instant now);
}
