package org.migrationledger.api.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A pipeline reported that a migration was applied successfully to an environment; emitted by
 * {@code POST /databases/{db}/environments/{env}/applies} with outcome {@code SUCCEEDED}. Recorded even when it
 * breaks policy; the breaches are in {@code violations}.
 *
 * <p>Revision 2 made {@code environment} a name from the promotion path (revision 1 carried free text) and added
 * {@code durationMs}.
 *
 * @param checksum SHA-256 of the script that ran
 * @param startedAt when the migration started on the target database, as reported; may be null
 * @param durationMs how long it ran; may be null
 * @param tool the reporting tool, e.g. {@code flyway}; may be null
 * @param runUrl the pipeline run that applied it; may be null
 * @param violations policy breaches this apply committed; empty when within policy
 */
@Revision("2")
public record MigrationApplied(
        String database,
        String migrationId,
        String environment,
        String checksum,
        Instant startedAt,
        Long durationMs,
        String tool,
        String runUrl,
        List<PolicyViolation> violations)
        implements LedgerEvent {

    public MigrationApplied {
        violations = List.copyOf(violations);
    }
}
