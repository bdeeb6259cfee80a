package org.migrationledger.api.queries;

/**
 * The scripts of a migration as last proposed or revised.
 *
 * @param script the migration's SQL; null when none was given (or it is known only from an imported history)
 * @param downScript the SQL that undoes it; null when none was given
 */
public record MigrationScriptsView(
        String database, String migrationId, String version, String script, String downScript) {}
