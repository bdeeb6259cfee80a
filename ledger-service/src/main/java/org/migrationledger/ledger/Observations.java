package org.migrationledger.ledger;

import java.util.List;
import java.util.Set;
import org.migrationledger.api.events.MigrationHistoryRepaired;
import org.migrationledger.api.events.MigrationHistoryRepaired.RepairedEntry;
import org.migrationledger.api.events.SchemaSnapshotObserved;
import org.migrationledger.api.events.SchemaSnapshotObserved.HistoryRow;
import org.migrationledger.naming.MigrationIds;

/** Turns an observation of a target database into its event: stamped with the ledger's version, ids normalised. */
final class Observations {

    /** Flyway's own rows: the schema-creation marker, a baseline, a deletion mark; none is a migration that ran. */
    private static final Set<String> MARKERS = Set.of("SCHEMA", "BASELINE", "DELETE");

    private Observations() {}

    static SchemaSnapshotObserved observed(String database, LedgerState state, RecordSchemaSnapshot command) {
        Facts.requireEnvironment(state, command.environment());
        return new SchemaSnapshotObserved(
                database,
                command.environment(),
                command.capturedAt(),
                command.trigger(),
                state.currentVersion(command.environment()).orElse(null),
                command.schema(),
                command.flywayHistory() == null
                        ? null
                        : command.flywayHistory().stream()
                                .map(Observations::withMigrationId)
                                .toList());
    }

    static MigrationHistoryRepaired repaired(String database, LedgerState state, RecordHistoryRepair command) {
        Facts.requireEnvironment(state, command.environment());
        return new MigrationHistoryRepaired(
                database,
                command.environment(),
                command.tool(),
                withMigrationIds(command.removedFailed()),
                withMigrationIds(command.markedDeleted()),
                withMigrationIds(command.realigned()));
    }

    private static List<RepairedEntry> withMigrationIds(List<RepairedEntry> entries) {
        return entries.stream()
                .map(entry -> new RepairedEntry(
                        migrationId(entry.version(), entry.description()),
                        entry.version(),
                        entry.description(),
                        entry.script()))
                .toList();
    }

    private static String migrationId(String version, String description) {
        return version == null || description == null
                ? null
                : MigrationIds.normalise("V" + version + "__" + description).orElse(null);
    }

    /** The ledger's id of a versioned history row, as the Flyway callback reports it; null for other rows. */
    private static HistoryRow withMigrationId(HistoryRow row) {
        String migrationId = MARKERS.contains(row.type()) ? null : migrationId(row.version(), row.description());
        return new HistoryRow(
                row.installedRank(),
                row.version(),
                row.description(),
                row.type(),
                row.script(),
                row.checksum(),
                row.installedBy(),
                row.installedOn(),
                row.executionTimeMs(),
                row.success(),
                migrationId);
    }
}
