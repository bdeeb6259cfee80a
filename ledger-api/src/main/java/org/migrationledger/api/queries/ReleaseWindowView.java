package org.migrationledger.api.queries;

import java.util.List;

/**
 * The application releases observed in one environment and the schema versions the previous release (N-1) may run
 * against.
 *
 * @param observed every deployment reported there, oldest first
 * @param currentRelease the release deployed last; null when none was reported
 * @param previousRelease the release deployed before it (N-1); null when there is none
 * @param previousReleaseSchemaVersion the schema version N-1 was last observed with
 * @param previousReleaseCompatibleVersions the versions N-1 may run against: from the one it was observed with up to
 *     the last one before a breaking or contract migration
 * @param blockingMigrationId the first migration after that window that N-1 cannot run against; null when none
 * @param detail the window in one sentence
 */
public record ReleaseWindowView(
        String environment,
        List<ReleaseObservationView> observed,
        String currentRelease,
        String previousRelease,
        String previousReleaseSchemaVersion,
        List<String> previousReleaseCompatibleVersions,
        String blockingMigrationId,
        String detail) {

    public ReleaseWindowView {
        observed = List.copyOf(observed);
        previousReleaseCompatibleVersions = List.copyOf(previousReleaseCompatibleVersions);
    }
}
