package org.migrationledger.api.queries;

import java.time.Instant;

/**
 * One open drift finding.
 *
 * @param kind {@code PROMOTION_ORDER}, {@code MISSING_IN_EARLIER_ENVIRONMENT}, {@code PENDING_TOO_LONG},
 *     {@code FAILED_UNRESOLVED}, {@code CHECKSUM_MISMATCH}, {@code UNAPPROVED_APPLY}, {@code OUT_OF_ORDER},
 *     {@code NOT_PROPOSED} (a migration ran without being proposed), and from what pipelines observed in their
 *     databases {@code UNRECORDED_MIGRATION}, {@code MISSING_IN_TARGET} or {@code STRUCTURAL}
 * @param severity {@code HIGH}, {@code MEDIUM} or {@code LOW}
 * @param environment the environment the finding is about
 * @param migrationId the migration it is about; null for findings about a whole environment
 * @param detail a sentence a person understands
 * @param acknowledgement who accepted this finding as it stands, and why; null when nobody did. An acknowledged finding
 *     does not gate.
 */
public record DriftFindingView(
        String kind,
        String severity,
        String environment,
        String migrationId,
        String detail,
        Acknowledgement acknowledgement) {

    public DriftFindingView(String kind, String severity, String environment, String migrationId, String detail) {
        this(kind, severity, environment, migrationId, detail, null);
    }

    /** The same finding, marked as accepted. */
    public DriftFindingView acknowledged(Acknowledgement by) {
        return new DriftFindingView(kind, severity, environment, migrationId, detail, by);
    }

    /**
     * A dba's acceptance of a finding.
     *
     * @param expiresAt when the finding gates again; null for never (until it changes)
     */
    public record Acknowledgement(
            String acknowledgementId,
            String acknowledgedBy,
            String reason,
            Instant acknowledgedAt,
            Instant expiresAt) {}
}
