package org.migrationledger.api.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A migration tool repaired an environment's history table ({@code flyway repair}): failed runs removed, entries of
 * migrations whose files are gone marked deleted, and recorded checksums, descriptions and types realigned with the
 * files on disk. Emitted by {@code POST /databases/{db}/environments/{env}/history-repairs} (the Flyway callback after
 * a repair that changed something).
 *
 * @param tool the tool that repaired, e.g. {@code flyway}
 * @param removedFailed failed runs removed from the history: the migration is no longer failed there, and may be run
 *     again
 * @param markedDeleted applied migrations whose files are gone, marked deleted in the history
 * @param realigned applied migrations whose recorded checksum, description or type were overwritten with the file's:
 *     the file on disk is no longer the script that ran
 */
@Revision("1")
public record MigrationHistoryRepaired(
        String database,
        String environment,
        String tool,
        List<RepairedEntry> removedFailed,
        List<RepairedEntry> markedDeleted,
        List<RepairedEntry> realigned)
        implements LedgerEvent {

    public MigrationHistoryRepaired {
        removedFailed = List.copyOf(removedFailed);
        markedDeleted = List.copyOf(markedDeleted);
        realigned = List.copyOf(realigned);
    }

    /**
     * One history entry the repair changed.
     *
     * @param migrationId the ledger's id ({@code NNNN_snake_description}); null for a repeatable migration
     * @param version as the history records it; null for a repeatable migration
     * @param script the migration's file, as the tool names it; null when the tool does not say
     */
    public record RepairedEntry(String migrationId, String version, String description, String script) {}
}
