package org.migrationledger.api.queries;

/** Asks for the script and down script of a migration. Answers an optional {@link MigrationScriptsView}. */
public record GetMigrationScripts(String database, String migrationId) {}
