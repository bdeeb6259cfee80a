package org.migrationledger.projection.audit;

/**
 * An event that cannot take its place in the audit trail: another event already holds its position, or the store does
 * not know it. Thrown out of the handler so that the processor stops on the event instead of skipping it; the
 * processor's error state then shows in health and metrics.
 */
class AuditTrailConflict extends IllegalStateException {

    AuditTrailConflict(int generation, String eventId, Throwable cause) {
        super(describe(generation, eventId, cause.getMessage()), cause);
    }

    AuditTrailConflict(int generation, String eventId, String reason) {
        super(describe(generation, eventId, reason));
    }

    private static String describe(int generation, String eventId, String reason) {
        return "Audit trail generation %d cannot record event %s: %s".formatted(generation, eventId, reason);
    }
}
