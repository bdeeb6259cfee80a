package org.migrationledger.client.importing;

import java.time.Instant;

/**
 * One row of an existing history table, in the shape {@code POST /databases/{db}/environments/{env}/history-imports}
 * takes.
 *
 * @param migrationId the migration's id or file name in either accepted convention; the ledger normalises it
 * @param version the semantic version to record when the ledger does not know the migration yet
 * @param checksum SHA-256 of the script when its file was at hand, else {@code imported:} and the tool's checksum
 * @param rollbackSafe as the table says; null when it does not say
 */
public record ImportedRun(
        String migrationId,
        String version,
        String description,
        String script,
        String checksum,
        String installedBy,
        Instant installedOn,
        Long executionTimeMs,
        boolean success,
        Boolean rollbackSafe) {}
