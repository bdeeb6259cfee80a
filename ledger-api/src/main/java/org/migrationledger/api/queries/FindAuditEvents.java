package org.migrationledger.api.queries;

/**
 * Asks for one page of the audit trail, oldest first.
 *
 * @param after the cursor of the last event of the previous page ({@link AuditPageView#nextCursor()}); null for the
 *     first page
 * @param limit the page size
 */
public record FindAuditEvents(AuditFilter filter, String after, int limit) {

    /** The largest page the trail answers; a larger {@code limit} is cut to it. */
    public static final int MAX_PAGE_SIZE = 1000;
}
