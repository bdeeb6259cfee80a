package org.migrationledger.api.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A pipeline reported that a migration was rolled back in an environment; emitted by
 * {@code POST /databases/{db}/environments/{env}/rollbacks}.
 *
 * @param method {@code DOWN_SCRIPT}, {@code RESTORE} (from backup) or {@code FORWARD_FIX}
 * @param reason why it was rolled back
 * @param violations policy breaches the rollback committed; empty when within policy
 */
@Revision("1")
public record MigrationRolledBack(
        String database,
        String migrationId,
        String environment,
        String method,
        String reason,
        String tool,
        String runUrl,
        List<PolicyViolation> violations)
        implements LedgerEvent {

    public MigrationRolledBack {
        violations = List.copyOf(violations);
    }
}
