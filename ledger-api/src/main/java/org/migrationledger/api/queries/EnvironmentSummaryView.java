package org.migrationledger.api.queries;

/**
 * One environment of a database's promotion path.
 *
 * @param currentVersion the newest version applied and not rolled back; null when none
 * @param currentMigrationId the migration of that version; null when none
 * @param promotion against the environment before it in the path: {@code AHEAD} (newer: out of promotion order),
 *     {@code BEHIND} (older: waiting for promotion) or {@code LEVEL}; always {@code LEVEL} for the first
 * @param failed how many migrations stand failed in it
 */
public record EnvironmentSummaryView(
        String environment, String currentVersion, String currentMigrationId, String promotion, int failed) {}
