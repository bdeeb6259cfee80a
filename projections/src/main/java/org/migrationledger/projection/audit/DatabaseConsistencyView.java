package org.migrationledger.projection.audit;

/** The consistency of the audit trail for the events of one database (see {@link AuditTrailConsistencyView}). */
public record DatabaseConsistencyView(
        String database, long storeEvents, long trailRows, long missing, long unexpected, Long firstMissingPosition) {}
