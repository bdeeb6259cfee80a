package org.migrationledger.api.queries;

import java.time.Instant;

/**
 * Filters of the audit trail; every null field matches everything.
 *
 * @param actor the principal who caused the event
 * @param from inclusive lower bound of the recorded time
 * @param to exclusive upper bound of the recorded time
 */
public record AuditFilter(
        String database, String migrationId, String environment, String actor, Instant from, Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
