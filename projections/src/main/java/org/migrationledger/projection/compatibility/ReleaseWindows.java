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

    private final JdbcClient jdbc;
    private final int generation;

    ReleaseWindows(JdbcClient jdbc, int generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    List<ReleaseWindowView> windows(String database, List<String> environments, List<MigrationRow> migrations) {
        Map<String, List<ReleaseObservationView>> recent = new LinkedHashMap<>();
        environments.forEach(env -> recent.put(env, new ArrayList<>()));
        Map<String, Long> totals = new HashMap<>();
        jdbc.sql("""
                        select environment, release, schema_version, deployed_at, deployed_by, total from (
                            select r.*, row_number() over latest as newness, count(*) over (partition by environment)
                                   as total
                            from compatibility_release r where generation = ? and database_name = ?
                            window latest as (partition by environment order by sequence_number desc)) numbered
                        where newness <= ? order by environment, newness desc""")
                .params(generation, database, ReleaseWindowView.RECENT_OBSERVATIONS)
                .query((rs, i) -> {
                    totals.put(rs.getString("environment"), rs.getLong("total"));
                    return Map.entry(rs.getString("environment"), observation(rs));
                })
                .list()
                .forEach(e -> recent.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        Map<String, ReleaseObservationView> previous = previousReleases(database, recent);
        List<MigrationRow> live = migrations.stream().filter(m -> !m.rejected()).toList();
        return recent.entrySet().stream()
                .map(e -> window(
                        e.getKey(), e.getValue(), totals.getOrDefault(e.getKey(), 0L), previous.get(e.getKey()), live))
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

    static ReleaseWindowView window(
            String environment,
            List<ReleaseObservationView> observed,
            long observedTotal,
            ReleaseObservationView previous,
            List<MigrationRow> live) {
        if (observed.isEmpty()) {
            return new ReleaseWindowView(
                    environment,
                    observed,
                    observedTotal,
                    null,
                    null,
                    null,
                    List.of(),
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
                    null,
                    "Release " + previous.release() + " (N-1) was reported in " + environment
                            + " without a schema version, so its window is unknown.");
        }
        List<String> compatible = new ArrayList<>(List.of(previous.schemaVersion()));
        MigrationRow blocking = null;
        for (MigrationRow migration : live) {
            if (VersionOrder.INSTANCE.compare(migration.version(), previous.schemaVersion()) <= 0) {
                continue;
            }
            if (migration.breaking() || migration.isContract()) {
                blocking = migration;
                break;
            }
            compatible.add(migration.version());
        }
        String detail = blocking == null
                ? "Release %s (N-1) may run against schema %s and every later version known so far."
                        .formatted(previous.release(), String.join(", ", compatible))
                : "Release %s (N-1) may run against schema %s; %s (%s) is %s, so N-1 cannot run against %s or later."
                        .formatted(
                                previous.release(),
                                String.join(", ", compatible),
                                blocking.migrationId(),
                                blocking.version(),
                                blocking.breaking() ? "breaking" : "a contract migration",
                                blocking.version());
        return new ReleaseWindowView(
                environment,
                observed,
                observedTotal,
                current.release(),
                previous.release(),
                previous.schemaVersion(),
                compatible,
                blocking == null ? null : blocking.migrationId(),
                detail);
    }
}
