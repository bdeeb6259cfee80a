package org.migrationledger.api.events;

import org.axonframework.serialization.Revision;

/**
 * A proposed migration was withdrawn by its proposer or an admin before it ran anywhere; emitted by
 * {@code POST /databases/{db}/migrations/{id}/withdrawal}. It takes no further decisions and the gate refuses it.
 *
 * @param withdrawnBy the principal who withdrew it
 * @param reason why, as given
 */
@Revision("1")
public record MigrationWithdrawn(String database, String migrationId, String withdrawnBy, String reason)
        implements LedgerEvent {}
