package org.migrationledger.api.queries;

/**
 * Asks for the audit trail's events of a range of positions, in position order: an export walks the event store's
 * hash chain and takes each event's audit view from here.
 *
 * @param afterPosition the range starts after this global index
 * @param throughPosition the range ends at this global index, inclusive; at most {@link FindAuditEvents#MAX_PAGE_SIZE}
 *     after {@code afterPosition}
 */
public record FindAuditEventsBetween(AuditFilter filter, long afterPosition, long throughPosition) {}
