package org.migrationledger.api.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A pipeline reported that applying a migration to an environment failed; emitted by
 * {@code POST /databases/{db}/environments/{env}/applies} with outcome {@code FAILED}.
 *
 * <p>Revision 2 added {@code failedStatement}; it is null for revision-1 facts, which never carried it.
 *
 * @param error the error the target database or tool reported, secrets masked and cut to the ledger's size limit;
 *     may be null
 * @param failedStatement the statement that failed, as the pipeline sent it, secrets masked and cut to the size
 *     limit; may be null
 * @param violations policy breaches the attempt committed; empty when within policy
 */
@Revision("2")
public record MigrationApplyFailed(
        String database,
        String migrationId,
        String environment,
        String checksum,
        Instant startedAt,
        Long durationMs,
        String error,
        String failedStatement,
        String tool,
        String runUrl,
        List<PolicyViolation> violations)
        implements LedgerEvent {

    public MigrationApplyFailed {
        violations = List.copyOf(violations);
    }
}
