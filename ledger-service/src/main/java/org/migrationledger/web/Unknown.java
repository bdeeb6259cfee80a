package org.migrationledger.web;

/**
 * What a read answers 404 for when its read model found nothing: the problem type names what is unknown, so that a
 * missing migration is never reported as a missing database.
 */
public record Unknown(String problemType, String detail) {

    public static Unknown database(String database) {
        return new Unknown("unknown-database", "Database " + database + " is not registered.");
    }

    public static Unknown environment(String database, String environment) {
        return new Unknown(
                "unknown-environment",
                "Database " + database + " has no environment " + environment + " (or is not registered).");
    }

    public static Unknown migration(String database, String migrationId) {
        return new Unknown(
                "unknown-migration",
                "Database " + database + " has no migration " + migrationId + " (or is not registered).");
    }
}
