package org.migrationledger.client.reports;

import java.time.Instant;
import org.migrationledger.client.http.LedgerWrite;

/**
 * The body of {@code POST …/environments/{env}/applies}: a migration ran in an environment, or failed there. Sent by
 * {@code ledger record-apply} and by the Flyway callback alike.
 *
 * @param outcome {@code SUCCEEDED} or {@code FAILED}
 * @param startedAt when it started on the database; null when unknown
 * @param error what the database reported; null unless it failed
 * @param failedStatement the statement that failed; null unless it failed and the tool said which
 * @param version the migration's semantic version, for the ledger to record if it never saw the migration (it then
 *     records it as unproposed); null to let the ledger take it from the id
 */
public record ApplyReport(
        String migrationId,
        String checksum,
        String outcome,
        Instant startedAt,
        Long durationMs,
        String error,
        String failedStatement,
        String version,
        String tool,
        String runUrl) {

    public LedgerWrite toWrite(String database, String environment, String summary) {
        return LedgerWrite.toEnvironment(database, environment, "applies", this, summary);
    }
}
