package org.migrationledger.api.events;

import org.axonframework.serialization.Revision;

/**
 * A pipeline reported that an application release was deployed to an environment while a schema version ran there;
 * emitted by {@code POST /databases/{db}/environments/{env}/releases}. Feeds the application × schema view and the
 * stability window of {@code contract} migrations.
 *
 * @param release the application release, e.g. {@code 2.14.0}
 * @param schemaVersion the schema version running there: as reported, else the ledger's current version; null when
 *     nothing has been applied there yet
 */
@Revision("1")
public record ReleaseDeployed(String database, String environment, String release, String schemaVersion)
        implements LedgerEvent {}
