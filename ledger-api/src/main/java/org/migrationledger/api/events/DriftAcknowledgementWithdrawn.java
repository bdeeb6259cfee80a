package org.migrationledger.api.events;

import org.axonframework.serialization.Revision;

/**
 * A dba withdrew an acknowledgement of drift: its findings gate again; emitted by
 * {@code DELETE /databases/{db}/drift/acknowledgements/{id}}.
 */
@Revision("1")
public record DriftAcknowledgementWithdrawn(String database, String acknowledgementId, String withdrawnBy)
        implements LedgerEvent {}
