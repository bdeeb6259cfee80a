package org.migrationledger.projection.compatibility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.migrationledger.api.queries.ReleaseObservationView;
import org.migrationledger.api.queries.ReleaseWindowView;
import org.migrationledger.naming.VersionOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application × schema view: per environment, the releases observed there and the N-1 window, i.e. the schema
 * versions the previous release may run against (the version it was observed with, and every later one reached
 * without a breaking or contract migration).
 */
class ReleaseWindows {

    /**
     * Per environment where releases were deployed (environments by name, each oldest first): its latest :recent
     * deployments, the top of its index, and how many there were in all, its tally.
     */
    static final String RECENT = """
            select t.environment, t.deployments, r.release, r.schema_version, r.deployed_at, r.deployed_by
            from compatibility_release_tally t
            cross join lateral (
                select sequence_number, release, schema_version, deployed_at, deployed_by from compatibility_release
                where generation = t.generation and database_name = t.database_name and environment = t.environment
                order by sequence_number desc limit :recent) r
            where t.generation = :generation and t.database_name = :database
            order by t.environment, r.sequence_number""";

    /** The first migration above :above, not rejected, that the previous release cannot run against. */
    static final String FIRST_BLOCKING = """
            select %s from compatibility_migration m
            where m.generation = :generation and m.database_name = :database
            and not m.rejected and m.breaks_previous_release and m.version_key > :above
            order by m.version_key, m.migration_id collate "C" limit 1""".formatted(MigrationClassification.columns("m", ""));

    /** The versions above :above of the migrations that are not rejected, :limit of them. */
    static final String COMPATIBLE = """
            select version from compatibility_migration
            where generation = :generation and database_name = :database and not rejected and version_key > :above
            order by version_key, migration_id collate "C" limit :limit""";

    /** As {@link #COMPATIBLE}, below the blocking migration (:blockingKey, :blockingId). */
    static final String COMPATIBLE_BELOW_BLOCKING = """
            select version from compatibility_migration
            where generation = :generation and database_name = :database and not rejected and version_key > :above
            and (version_key, migration_id collate "C") < (:blockingKey, :blockingId)
            order by version_key, migration_id collate "C" limit :limit""";

    private final JdbcClient jdbc;
    private final int generation;
    // Environments often run the same N-1 on the same schema version: one window for them all.
    private final Map<String, Window> windowsBySchemaVersion = new HashMap<>();

    ReleaseWindows(JdbcClient jdbc, int generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    List<ReleaseWindowView> windows(String database, List<String> environments) {
        Map<String, List<ReleaseObservationView>> recent = new LinkedHashMap<>();
        environments.forEach(env -> recent.put(env, new ArrayList<>()));
        Map<String, Long> totals = new HashMap<>();
        jdbc.sql(RECENT)
                .param("generation", generation)
                .param("database", database)
                .param("recent", ReleaseWindowView.RECENT_OBSERVATIONS)
                .query((rs, i) -> {
                    totals.put(rs.getString("environment"), rs.getLong("deployments"));
                    return Map.entry(rs.getString("environment"), observation(rs));
                })
                .list()
                .forEach(e -> recent.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        Map<String, ReleaseObservationView> previous = previousReleases(database, recent);
        return recent.entrySet().stream()
                .map(e -> window(
                        database,
                        e.getKey(),
                        e.getValue(),
                        totals.getOrDefault(e.getKey(), 0L),
                        previous.get(e.getKey())))
                .toList();
    }

    /**
     * Per environment, the latest deployment of another release than the current one (N-1), which may lie before the
     * recent deployments listed when the current release was deployed many times.
     */
    private Map<String, ReleaseObservationView> previousReleases(
            String database, Map<String, List<ReleaseObservationView>> recent) {
        Map<String, ReleaseObservationView> previous = new HashMap<>();
        recent.forEach((environment, observations) -> {
            if (observations.isEmpty()) {
                return;
            }
            String current = observations.get(observations.size() - 1).release();
            jdbc.sql("""
                            select environment, release, schema_version, deployed_at, deployed_by
                            from compatibility_release where generation = ? and database_name = ? and environment = ?
                            and release <> ? order by sequence_number desc limit 1""")
                    .params(generation, database, environment, current)
                    .query((rs, i) -> observation(rs))
                    .optional()
                    .ifPresent(found -> previous.put(environment, found));
        });
        return previous;
    }

    private static ReleaseObservationView observation(ResultSet rs) throws SQLException {
        return new ReleaseObservationView(
                rs.getString("release"),
                rs.getString("schema_version"),
                rs.getTimestamp("deployed_at").toInstant(),
                rs.getString("deployed_by"));
    }

    private ReleaseWindowView window(
            String database,
            String environment,
            List<ReleaseObservationView> observed,
            long observedTotal,
            ReleaseObservationView previous) {
        if (observed.isEmpty()) {
            return new ReleaseWindowView(
                    environment,
                    observed,
                    observedTotal,
                    null,
                    null,
                    null,
                    List.of(),
                    false,
                    null,
                    "No application release has been reported in " + environment + ".");
        }
        ReleaseObservationView current = observed.get(observed.size() - 1);
        if (previous == null) {
            return new ReleaseWindowView(
                    environment,
                    observed,
                    observedTotal,
                    current.release(),
                    null,
                    null,
                    List.of(),
                    false,
                    null,
                    "Only release " + current.release() + " has been reported in " + environment
                            + "; there is no N-1 release yet.");
        }
        if (previous.schemaVersion() == null) {
            return new ReleaseWindowView(
                    environment,
                    observed,
                    observedTotal,
                    current.release(),
                    previous.release(),
                    null,
                    List.of(),
                    false,
                    null,
                    "Release " + previous.release() + " (N-1) was reported in " + environment
                            + " without a schema version, so its window is unknown.");
        }
        Window window = windowsBySchemaVersion.computeIfAbsent(
                previous.schemaVersion(), version -> windowFrom(database, version));
        return new ReleaseWindowView(
                environment,
                observed,
                observedTotal,
                current.release(),
                previous.release(),
                previous.schemaVersion(),
                window.compatible(),
                window.truncated(),
                window.blocking() == null ? null : window.blocking().migrationId(),
                window.detail(previous.release()));
    }

    /**
     * The versions a release observed with {@code schemaVersion} may run against: that one, then those of the migrations
     * above it that are not rejected, up to the first that is breaking or a contract migration; at most {@link
     * ReleaseWindowView#MAX_COMPATIBLE_VERSIONS}, since without such a migration they are every later one.
     */
    private Window windowFrom(String database, String schemaVersion) {
        byte[] key = VersionOrder.sortKey(schemaVersion);
        MigrationClassification blocking = jdbc.sql(FIRST_BLOCKING)
                .param("generation", generation)
                .param("database", database)
                .param("above", key)
                .query((rs, i) -> MigrationClassification.read(rs, ""))
                .optional()
                .orElse(null);
        int later = ReleaseWindowView.MAX_COMPATIBLE_VERSIONS - 1;
        JdbcClient.StatementSpec statement = jdbc.sql(blocking == null ? COMPATIBLE : COMPATIBLE_BELOW_BLOCKING)
                .param("generation", generation)
                .param("database", database)
                .param("above", key)
                .param("limit", later + 1);
        if (blocking != null) {
            statement = statement
                    .param("blockingKey", VersionOrder.sortKey(blocking.version()))
                    .param("blockingId", blocking.migrationId());
        }
        List<String> versions = statement.query(String.class).list();
        List<String> compatible = new ArrayList<>(List.of(schemaVersion));
        compatible.addAll(versions.subList(0, Math.min(later, versions.size())));
        return new Window(compatible, versions.size() > later, blocking);
    }

    private record Window(List<String> compatible, boolean truncated, MigrationClassification blocking) {

        String detail(String release) {
            String listed = String.join(", ", compatible)
                    + (truncated ? " (the first %d listed)".formatted(compatible.size()) : "");
            if (blocking == null) {
                return "Release %s (N-1) may run against schema %s and every later version known so far."
                        .formatted(release, listed);
            }
            return "Release %s (N-1) may run against schema %s%s; %s (%s) is %s, so N-1 cannot run against %s or later."
                    .formatted(
                            release,
                            listed,
                            truncated ? " and every later version before " + blocking.version() : "",
                            blocking.migrationId(),
                            blocking.version(),
                            blocking.breaking() ? "breaking" : "a contract migration",
                            blocking.version());
        }
    }
}
