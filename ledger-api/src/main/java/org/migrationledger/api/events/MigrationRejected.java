package org.migrationledger.api.events;

import org.axonframework.serialization.Revision;

/**
 * An approver rejected a proposed migration; emitted by {@code POST /databases/{db}/migrations/{id}/rejections}.
 *
 * @param rejectedBy the rejecting principal
 * @param reason why, in words
 */
@Revision("1")
public record MigrationRejected(String database, String migrationId, String rejectedBy, String reason)
        implements LedgerEvent {}
