package org.migrationledger.api.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A pipeline reported that applying a migration to an environment failed; emitted by
 * {@code POST /databases/{db}/environments/{env}/applies} with outcome {@code FAILED}.
 *
 * @param error the error the target database or tool reported; may be null
 * @param violations policy breaches the attempt committed; empty when within policy
 */
@Revision("1")
public record MigrationApplyFailed(
        String database,
        String migrationId,
        String environment,
        String checksum,
        Instant startedAt,
        Long durationMs,
        String error,
        String tool,
        String runUrl,
        List<PolicyViolation> violations)
        implements LedgerEvent {

    public MigrationApplyFailed {
        violations = List.copyOf(violations);
    }
}
