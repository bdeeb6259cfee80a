package org.migrationledger.api.queries;

import java.time.Instant;

/**
 * Where a migration stands in one environment.
 *
 * @param status {@code PENDING}, {@code APPLIED}, {@code FAILED} or {@code ROLLED_BACK}
 * @param checksum the checksum of the last apply; null while pending
 * @param changedAt when the last fact about it was recorded; null while pending
 * @param changedBy who reported that fact; null while pending
 * @param error while {@code FAILED}: the error the pipeline reported, secrets masked; else null
 * @param failedStatement while {@code FAILED}: the statement that failed, as the pipeline sent it; else null
 */
public record EnvironmentStatusView(
        String environment,
        String status,
        String checksum,
        Instant changedAt,
        String changedBy,
        String error,
        String failedStatement) {

    public EnvironmentStatusView(
            String environment, String status, String checksum, Instant changedAt, String changedBy) {
        this(environment, status, checksum, changedAt, changedBy, null, null);
    }
}
