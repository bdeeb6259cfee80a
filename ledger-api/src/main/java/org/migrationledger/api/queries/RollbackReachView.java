package org.migrationledger.api.queries;

/**
 * How far the schema can be rolled back from one version by safe rollbacks alone: every version from
 * {@code earliestSafe} up to this one can be reached, and going below it is what {@code blockedBy} stops.
 *
 * @param earliestSafe the oldest version reachable by safe rollbacks; this version itself when its own migration blocks
 * @param blockedByMigration the migration whose rollback is not safe, just above the versions out of reach; null when
 *     every older version is reachable
 * @param blockedBy why that migration cannot safely be rolled back; null with {@code blockedByMigration}
 */
public record RollbackReachView(
        String version, String migrationId, String earliestSafe, String blockedByMigration, String blockedBy) {}
