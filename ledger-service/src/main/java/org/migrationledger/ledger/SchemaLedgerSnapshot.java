package org.migrationledger.ledger;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.serialization.Revision;

/**
 * The stored shape of a {@link SchemaLedger} snapshot: what the ledger knows about one database, as of one sequence
 * number. A dedicated, versioned record instead of the aggregate's fields, so that refactoring the aggregate never
 * breaks stored snapshots; a change to this shape needs a new revision and a snapshot upcaster (older revisions are
 * read through {@code SchemaLedgerSnapshotV1ToV2Upcaster} and {@code SchemaLedgerSnapshotV2ToV3Upcaster}). Lists and maps are written in a stable order, so equal states
 * give equal snapshots.
 *
 * @param environments the promotion path in order
 * @param migrations every proposed migration in apply order
 * @param releasesByEnvironment how many releases each environment has seen, by environment name
 */
@Revision("3")
record SchemaLedgerSnapshot(
        String database,
        List<String> environments,
        List<Migration> migrations,
        Map<String, Integer> releasesByEnvironment) {

    SchemaLedgerSnapshot {
        environments = List.copyOf(environments);
        migrations = List.copyOf(migrations);
        releasesByEnvironment = Collections.unmodifiableMap(new TreeMap<>(releasesByEnvironment));
    }

    /**
     * One migration as the aggregate knows it.
     *
     * @param normalizedSqlHash the analysis's hash of the current script; null when unknown (no script, or a
     *     revision-2 snapshot)
     * @param status {@code PROPOSED}, {@code APPROVED} or {@code REJECTED}
     * @param approvedChecksum the checksum the completed approval is bound to; null until approved
     * @param environments the last fact per environment, sorted by environment name; pending ones are absent
     */
    record Migration(
            String migrationId,
            String version,
            String checksum,
            String normalizedSqlHash,
            String proposedBy,
            String category,
            boolean breaking,
            boolean highImpact,
            boolean rollbackSafe,
            boolean hasDownScript,
            String expandMigrationId,
            String status,
            String approvedChecksum,
            List<Approval> approvals,
            List<EnvironmentFact> environments) {

        Migration {
            approvals = List.copyOf(approvals);
            environments = List.copyOf(environments);
        }
    }

    /** One approval, in the order given. */
    record Approval(String approvedBy, String role, String checksum) {}

    /**
     * The last fact about a migration in one environment.
     *
     * @param status {@code APPLIED}, {@code FAILED} or {@code ROLLED_BACK}
     * @param releasesBefore releases the environment had seen when the fact was recorded
     */
    record EnvironmentFact(String environment, String status, String checksum, int releasesBefore) {}
}
