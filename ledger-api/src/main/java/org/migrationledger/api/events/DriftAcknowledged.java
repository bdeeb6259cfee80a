package org.migrationledger.api.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A dba recorded that open drift findings are known and accepted; emitted by
 * {@code POST /databases/{db}/drift/acknowledgements}. The findings stay in the drift report, marked, and stop gating
 * until the acknowledgement expires or the drift changes (a finding whose detail is not among {@code findings}).
 *
 * @param acknowledgementId the ledger's id for the acknowledgement, for its withdrawal
 * @param kind the finding kind accepted, e.g. {@code STRUCTURAL}
 * @param migrationId the migration the findings are about; null for findings about the environment
 * @param object the schema object the findings name (e.g. {@code public.wish}), for findings without a migration;
 *     may be null
 * @param findings the details of the findings accepted, as the report gave them when they were accepted
 * @param expiresAt when the findings gate again; null for never
 */
@Revision("1")
public record DriftAcknowledged(
        String database,
        String acknowledgementId,
        String kind,
        String environment,
        String migrationId,
        String object,
        List<String> findings,
        String reason,
        String acknowledgedBy,
        Instant expiresAt)
        implements LedgerEvent {

    public DriftAcknowledged {
        findings = List.copyOf(findings);
    }
}
