package org.migrationledger.ledger;

import java.util.Set;
import org.migrationledger.api.events.SchemaSnapshotObserved;
import org.migrationledger.api.events.SchemaSnapshotObserved.HistoryRow;

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

    /** The ledger's id of a versioned history row, as the Flyway callback reports it; null for other rows. */
    private static HistoryRow withMigrationId(HistoryRow row) {
        String migrationId = row.version() == null || row.description() == null || MARKERS.contains(row.type())
                ? null
                : Naming.normaliseMigrationId("V" + row.version() + "__" + row.description())
                        .orElse(null);
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
