package org.migrationledger.api.queries;

/**
 * Asks for the column types a migration will meet: those of the schema observed at the highest version below the
 * migration's, so that its analysis can tell a type change that rewrites a table from one that does not.
 *
 * @param migrationId the migration being analysed; its recorded version is used when {@code version} is null
 * @param version the migration's version; null to look it up
 */
public record FindKnownColumnTypes(String database, String migrationId, String version) {}
