package org.migrationledger.api.queries;

import java.util.List;

/**
 * One page of the audit trail.
 *
 * @param nextCursor pass as {@code after} to get the next page; null on the last page
 */
public record AuditPageView(List<AuditEventView> events, String nextCursor) {

    public AuditPageView {
        events = List.copyOf(events);
    }
}
