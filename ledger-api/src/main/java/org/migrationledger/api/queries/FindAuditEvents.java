package org.migrationledger.api.queries;

/**
 * Asks for one page of the audit trail, oldest first.
 *
 * @param after the cursor of the last event of the previous page ({@link AuditPageView#nextCursor()}); null for the
 *     first page
 * @param limit the page size
 */
public record FindAuditEvents(AuditFilter filter, String after, int limit) {}
