package org.migrationledger.api.queries;

import java.time.Instant;
import java.util.List;

/**
 * The applied versions of one environment in the order they were applied, and the version that runs there now (or
 * at {@code at}).
 *
 * @param currentVersion the highest version still in place; null when nothing is applied
 * @param at the instant the history was evaluated at; null when it is the present
 * @param history every apply in ledger order; rolled-back ones stay in the list with their rollback marked
 */
public record VersionHistoryView(
        String database, String environment, String currentVersion, Instant at, List<VersionHistoryEntryView> history) {

    public VersionHistoryView {
        history = List.copyOf(history);
    }
}
