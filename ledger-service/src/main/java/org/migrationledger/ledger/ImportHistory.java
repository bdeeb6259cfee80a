package org.migrationledger.ledger;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Imports an environment's migration history from before the ledger knew it. A fact: recorded as it is, never judged
 * against policy; refused only when malformed (unknown environment, an id that follows no convention, a version
 * another migration already has).
 *
 * @param entries the history in the order it ran
 */
public record ImportHistory(
        @TargetAggregateIdentifier String database, String environment, String source, List<Entry> entries) {

    public ImportHistory {
        entries = List.copyOf(entries);
    }

    /**
     * One history row.
     *
     * @param migrationId in either accepted convention
     * @param checksum SHA-256 of the script, or {@code imported:<the tool's checksum>}
     */
    public record Entry(
            String migrationId,
            String version,
            String description,
            String script,
            String checksum,
            String installedBy,
            Instant installedOn,
            Long executionTimeMs,
            boolean success,
            boolean rollbackSafe) {}
}
