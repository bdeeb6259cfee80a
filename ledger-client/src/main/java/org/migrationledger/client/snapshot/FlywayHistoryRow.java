package org.migrationledger.client.snapshot;

import java.time.Instant;

/**
 * One row of a target database's {@code flyway_schema_history}, as Flyway wrote it.
 *
 * @param version null for repeatable migrations and Flyway's own schema-creation marker
 * @param checksum Flyway's CRC32 checksum; null for markers
 * @param executionTimeMs how long it ran, as Flyway measured it
 */
public record FlywayHistoryRow(
        int installedRank,
        String version,
        String description,
        String type,
        String script,
        Integer checksum,
        String installedBy,
        Instant installedOn,
        Integer executionTimeMs,
        boolean success) {}
