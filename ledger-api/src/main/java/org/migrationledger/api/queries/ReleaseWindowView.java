package org.migrationledger.api.queries;

import java.util.List;

/**
 * The application releases observed in one environment and the schema versions the previous release (N-1) may run
 * against.
 *
 * @param observed the latest deployments reported there (at most {@code RECENT_OBSERVATIONS}), oldest first: the
 *     window needs only the last two releases, and a database released with every migration would otherwise answer
 *     its whole deployment history on every request
 * @param observedTotal how many deployments were reported there in all
 * @param currentRelease the release deployed last; null when none was reported
 * @param previousRelease the release deployed before it (N-1); null when there is none
 * @param previousReleaseSchemaVersion the schema version N-1 was last observed with
 * @param previousReleaseCompatibleVersions the versions N-1 may run against: from the one it was observed with up to
 *     the last one before a breaking or contract migration; the first {@code MAX_COMPATIBLE_VERSIONS} of them, since
 *     without such a migration they are every version known since N-1's
 * @param previousReleaseCompatibleVersionsTruncated whether N-1 may run against more versions than those listed (every
 *     later one up to the blocking migration, or every later one when none blocks)
 * @param blockingMigrationId the first migration after that window that N-1 cannot run against; null when none
 * @param detail the window in one sentence
 */
public record ReleaseWindowView(
        String environment,
        List<ReleaseObservationView> observed,
        long observedTotal,
        String currentRelease,
        String previousRelease,
        String previousReleaseSchemaVersion,
        List<String> previousReleaseCompatibleVersions,
        boolean previousReleaseCompatibleVersionsTruncated,
        String blockingMigrationId,
        String detail) {

    /** Deployments listed per environment, the latest ones. */
    public static final int RECENT_OBSERVATIONS = 20;

    /** Versions listed in an N-1 window at most, the one N-1 was observed with included. */
    public static final int MAX_COMPATIBLE_VERSIONS = 100;

    public ReleaseWindowView {
        observed = List.copyOf(observed);
        previousReleaseCompatibleVersions = List.copyOf(previousReleaseCompatibleVersions);
    }
}
