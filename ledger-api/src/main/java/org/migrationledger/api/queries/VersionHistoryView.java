package org.migrationledger.api.queries;

import java.time.Instant;
import java.util.List;

/**
 * The applied versions of one environment in the order they were applied, and the version that runs there now (or
 * at {@code at}).
 *
 * @param currentVersion the highest version still in place; null when nothing is applied
 * @param at the instant the history was evaluated at; null when it is the present
 * @param history one page of the applies in ledger order; rolled-back ones stay in the list with their rollback marked
 * @param historyTotal how many applies the whole history holds
 * @param historyNext the offset of the next page; null on the last page
 */
public record VersionHistoryView(
        String database,
        String environment,
        String currentVersion,
        Instant at,
        List<VersionHistoryEntryView> history,
        int historyTotal,
        Integer historyNext) {

    public VersionHistoryView {
        history = List.copyOf(history);
    }
}
