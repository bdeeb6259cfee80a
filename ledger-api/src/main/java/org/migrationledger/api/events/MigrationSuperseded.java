package org.migrationledger.api.events;

import org.axonframework.serialization.Revision;

/**
 * A migration was replaced by another one of the same database, e.g. after two developers picked the same number;
 * emitted by {@code POST /databases/{db}/migrations/{id}/supersession}. The gate refuses the superseded migration
 * wherever it has not run; where it already ran, its facts stay as they are.
 *
 * @param replacementMigrationId the migration that replaces it, already known to the ledger
 * @param supersededBy the principal who recorded the replacement
 * @param reason why, as given
 */
@Revision("1")
public record MigrationSuperseded(
        String database, String migrationId, String replacementMigrationId, String supersededBy, String reason)
        implements LedgerEvent {}
