package org.migrationledger.client.reports;

import java.util.List;
import org.migrationledger.client.http.LedgerWrite;

/** The body of {@code POST …/environments/{env}/history-repairs}: what a repair of the history table changed. */
public record RepairReport(String tool, List<Entry> removedFailed, List<Entry> markedDeleted, List<Entry> realigned) {

    /** @param version null for a repeatable migration */
    public record Entry(String version, String description, String script) {}

    public int changed() {
        return removedFailed.size() + markedDeleted.size() + realigned.size();
    }

    public LedgerWrite toWrite(String database, String environment, String summary) {
        return LedgerWrite.toEnvironment(database, environment, "history-repairs", this, summary);
    }
}
