package org.migrationledger.api.queries;

import java.time.Instant;

/**
 * Where a migration stands in one environment.
 *
 * @param status {@code PENDING}, {@code APPLIED}, {@code FAILED} or {@code ROLLED_BACK}
 * @param checksum the checksum of the last apply; null while pending
 * @param changedAt when the last fact about it was recorded; null while pending
 * @param changedBy who reported that fact; null while pending
 */
public record EnvironmentStatusView(
        String environment, String status, String checksum, Instant changedAt, String changedBy) {}
