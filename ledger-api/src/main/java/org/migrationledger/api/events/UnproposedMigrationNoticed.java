package org.migrationledger.api.events;

import org.axonframework.serialization.Revision;

/**
 * A fact (an apply, a failure or a rollback) was reported about a migration the ledger had never seen, and the ledger
 * recorded it instead of refusing it: the migration is known from now on as unproposed. Emitted just before that
 * fact, which carries a {@code NOT_PROPOSED} violation. A later proposal of the same id and checksum adopts it.
 *
 * @param version the schema version the fact gave, else the one its Flyway-style name implies ({@code V2_1__} is
 *     2.1.0, {@code 0042_x} is 42.0.0)
 * @param checksum the checksum the fact reported; null for a rollback, which reports none
 * @param environment where the fact happened
 */
@Revision("1")
public record UnproposedMigrationNoticed(
        String database, String migrationId, String version, String checksum, String environment)
        implements LedgerEvent {}
