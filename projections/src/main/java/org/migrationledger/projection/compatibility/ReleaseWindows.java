package org.migrationledger.projection.compatibility;

import java.util.ArrayList;
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
        Map<String, List<ReleaseObservationView>> observed = new LinkedHashMap<>();
        environments.forEach(env -> observed.put(env, new ArrayList<>()));
        jdbc.sql("""
                        select environment, release, schema_version, deployed_at, deployed_by from compatibility_release
                        where generation = ? and database_name = ? order by sequence_number""")
                .params(generation, database)
                .query((rs, i) -> Map.entry(
                        rs.getString("environment"),
                        new ReleaseObservationView(
                                rs.getString("release"),
                                rs.getString("schema_version"),
                                rs.getTimestamp("deployed_at").toInstant(),
                                rs.getString("deployed_by"))))
                .list()
                .forEach(e -> observed.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        List<MigrationRow> live = migrations.stream().filter(m -> !m.rejected()).toList();
        return observed.entrySet().stream()
                .map(e -> window(e.getKey(), e.getValue(), live))
                .toList();
    }

    static ReleaseWindowView window(
            String environment, List<ReleaseObservationView> observed, List<MigrationRow> live) {
        if (observed.isEmpty()) {
            return new ReleaseWindowView(
                    environment,
                    observed,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    "No application release has been reported in " + environment + ".");
        }
        ReleaseObservationView current = observed.get(observed.size() - 1);
        ReleaseObservationView previous = null;
        for (int i = observed.size() - 2; i >= 0 && previous == null; i--) {
            if (!observed.get(i).release().equals(current.release())) {
                previous = observed.get(i);
            }
        }
        if (previous == null) {
            return new ReleaseWindowView(
                    environment,
                    observed,
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
                current.release(),
                previous.release(),
                previous.schemaVersion(),
                compatible,
                blocking == null ? null : blocking.migrationId(),
                detail);
    }
}
