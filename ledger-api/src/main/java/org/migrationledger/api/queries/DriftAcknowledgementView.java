package org.migrationledger.api.queries;

import java.time.Instant;
import java.util.List;

/**
 * An acknowledgement of drift, in force or not.
 *
 * @param findings the details of the findings it accepted, as they stood
 * @param inForce false once it expired or was withdrawn
 * @param withdrawnBy who withdrew it; null while not withdrawn
 */
public record DriftAcknowledgementView(
        String acknowledgementId,
        String database,
        String kind,
        String environment,
        String migrationId,
        String object,
        List<String> findings,
        String reason,
        String acknowledgedBy,
        Instant acknowledgedAt,
        Instant expiresAt,
        boolean inForce,
        String withdrawnBy,
        Instant withdrawnAt) {

    public DriftAcknowledgementView {
        findings = List.copyOf(findings);
    }
}
