package org.migrationledger.api.queries;

import java.time.Instant;

/**
 * One apply of a migration to an environment (the seeds' {@code schema_versions} row).
 *
 * @param version the schema version after the migration; null when the ledger never saw it proposed
 * @param appliedAt when it ran on the target database as reported, else when the ledger recorded the apply
 * @param appliedBy the principal who reported the apply
 * @param status {@code APPLIED}, or {@code ROLLED_BACK} once a rollback was recorded (by {@code at})
 * @param rolledBackAt when the rollback was recorded; null while the migration is in place
 * @param rolledBackBy who reported the rollback; null while the migration is in place
 */
public record VersionHistoryEntryView(
        String version,
        String migrationId,
        Instant appliedAt,
        String appliedBy,
        String description,
        boolean rollbackSafe,
        String status,
        Instant rolledBackAt,
        String rolledBackBy) {}
