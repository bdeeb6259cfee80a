package org.migrationledger.api.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * One migration run from an environment's history that predates the ledger was imported: recorded as imported rather
 * than reported by a pipeline, and never judged against policy; emitted, one per history row the ledger had not
 * recorded, by {@code POST /databases/{db}/environments/{env}/history-imports} (the CLI's {@code import}).
 *
 * @param source the table it came from: {@code flyway_schema_history} or {@code schema_versions}
 * @param migrationId the ledger's {@code NNNN_snake_description} id
 * @param version the schema version (semver) the ledger records for the migration
 * @param script the migration file the history names
 * @param checksum SHA-256 of the script when the importer had the file, else {@code imported:} followed by the tool's
 *     own checksum: a value no reported apply matches, so a later apply of it is flagged
 * @param installedBy who ran it, as the history says; may be null
 * @param installedOn when it ran, as the history says
 * @param executionTimeMs how long it ran; null when the history does not say
 * @param success false for a run the history records as failed
 * @param rollbackSafe as the history says ({@code schema_versions.rollback_safe}); false when it does not say
 * @param newToLedger true when the ledger had never heard of the migration: the import makes it known, as imported
 */
@Revision("1")
public record MigrationRunImported(
        String database,
        String environment,
        String source,
        String migrationId,
        String version,
        String description,
        String script,
        String checksum,
        String installedBy,
        Instant installedOn,
        Long executionTimeMs,
        boolean success,
        boolean rollbackSafe,
        boolean newToLedger)
        implements LedgerEvent {}
