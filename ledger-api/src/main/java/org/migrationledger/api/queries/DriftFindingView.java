package org.migrationledger.api.queries;

/**
 * One open drift finding.
 *
 * @param kind {@code PROMOTION_ORDER}, {@code MISSING_IN_EARLIER_ENVIRONMENT}, {@code PENDING_TOO_LONG},
 *     {@code FAILED_UNRESOLVED}, {@code CHECKSUM_MISMATCH}, {@code UNAPPROVED_APPLY}, {@code OUT_OF_ORDER}, and from
 *     what pipelines observed in their databases {@code UNRECORDED_MIGRATION}, {@code MISSING_IN_TARGET} or
 *     {@code STRUCTURAL}
 * @param severity {@code HIGH}, {@code MEDIUM} or {@code LOW}
 * @param environment the environment the finding is about
 * @param migrationId the migration it is about; null for findings about a whole environment
 * @param detail a sentence a person understands
 */
public record DriftFindingView(String kind, String severity, String environment, String migrationId, String detail) {}
