package org.migrationledger.projection.drift;

import java.util.List;
import java.util.Set;
import org.migrationledger.api.queries.DriftFindingView;

/**
 * Findings judged by another read model and merged into the drift report: the observed-schema read model adds
 * {@code UNRECORDED_MIGRATION}, {@code MISSING_IN_TARGET} and {@code STRUCTURAL}.
 */
public interface DriftSource {

    /** The kinds of finding this source can report, so that a gate not blocking on any of them need not ask it. */
    Set<String> kinds();

    /** The open findings of a database; empty when there are none or the database is unknown. */
    List<DriftFindingView> findings(String database);
}
