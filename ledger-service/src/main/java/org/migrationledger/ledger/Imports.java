package org.migrationledger.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.naming.MigrationIds;

/** Decides what an imported history adds to the ledger: runs it had not recorded, and migrations it never knew. */
final class Imports {

    /** Who "proposed" a migration known only from history: no principal, so nobody is barred from approving it. */
    static final String IMPORTED_BY = "(imported history)";

    private Imports() {}

    /** The events to apply, one per row the ledger had not recorded in the environment. */
    static List<MigrationRunImported> imported(String database, LedgerState state, ImportHistory command) {
        Facts.requireEnvironment(state, command.environment());
        List<MigrationRunImported> runs = new ArrayList<>();
        Set<String> newInThisImport = new HashSet<>();
        Map<String, String> versions = new HashMap<>();
        for (ImportHistory.Entry row : command.entries()) {
            String migrationId = id(row.migrationId());
            Optional<MigrationState> known = state.migration(migrationId);
            if (alreadyRecorded(known, command.environment(), row)) {
                continue;
            }
            boolean isNew = known.isEmpty() && newInThisImport.add(migrationId);
            if (isNew) {
                requireFreeVersion(state, versions, migrationId, row.version());
            }
            runs.add(new MigrationRunImported(
                    database,
                    command.environment(),
                    command.source(),
                    migrationId,
                    known.map(MigrationState::version).orElse(row.version()),
                    row.description(),
                    row.script(),
                    row.checksum(),
                    row.installedBy(),
                    row.installedOn(),
                    row.executionTimeMs(),
                    row.success(),
                    row.rollbackSafe(),
                    isNew));
        }
        return runs;
    }

    /**
     * Whether the ledger already holds what the row says: a success where the migration is applied, a failure where
     * anything was recorded. Rows are judged against the state before this import, so a first import still records a
     * failed attempt followed by its success, and importing the same history again records nothing.
     */
    private static boolean alreadyRecorded(
            Optional<MigrationState> known, String environment, ImportHistory.Entry row) {
        if (known.isEmpty()) {
            return false;
        }
        EnvironmentStatus here = known.get().in(environment).status();
        return row.success() ? here == EnvironmentStatus.APPLIED : here != EnvironmentStatus.PENDING;
    }

    private static String id(String raw) {
        return MigrationIds.normalise(raw)
                .orElseThrow(() -> new LedgerRuleViolation(
                        "invalid-migration-id",
                        LedgerRuleViolation.Refusal.INVALID,
                        "'" + raw + "' in the imported history is not a migration id: use NNNN_snake_description or"
                                + " Flyway's V<version>__<description>.",
                        "entries"));
    }

    private static void requireFreeVersion(
            LedgerState state, Map<String, String> versions, String migrationId, String version) {
        Optional<String> holder =
                state.migrationWithVersion(version).or(() -> Optional.ofNullable(versions.get(version)));
        if (holder.isPresent() && !holder.get().equals(migrationId)) {
            throw new LedgerRuleViolation(
                    "version-collision",
                    LedgerRuleViolation.Refusal.CONFLICT,
                    "Version " + version + " of imported " + migrationId + " is already used by migration "
                            + holder.get() + " in this database.",
                    "entries");
        }
        versions.put(version, migrationId);
    }
}
