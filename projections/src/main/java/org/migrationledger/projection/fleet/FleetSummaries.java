package org.migrationledger.projection.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.migrationledger.api.queries.AwaitingApprovalView;
import org.migrationledger.api.queries.DatabaseSummaryView;
import org.migrationledger.api.queries.EnvironmentSummaryView;
import org.migrationledger.naming.VersionOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds the summaries of a set of databases from one generation of the fleet in three reads, whatever their number. */
record FleetSummaries(JdbcClient jdbc, int generation) {

    List<DatabaseSummaryView> of(List<String> databases) {
        String[] names = databases.toArray(String[]::new);
        Map<String, List<String>> paths = new LinkedHashMap<>();
        databases.forEach(name -> paths.put(name, new ArrayList<>()));
        jdbc.sql("""
                        select database_name, environment from fleet_environment
                        where generation = ? and database_name = any(?) order by database_name, path_position
                        """)
                .params(generation, names)
                .query((rs, row) -> paths.get(rs.getString(1)).add(rs.getString(2)))
                .list();
        Map<String, List<StatusRow>> statuses = statuses(names).stream()
                .collect(Collectors.groupingBy(row -> row.database() + '/' + row.environment()));
        Map<String, List<AwaitingRow>> awaiting =
                awaiting(names).stream().collect(Collectors.groupingBy(AwaitingRow::database));
        return paths.entrySet().stream()
                .filter(path -> !path.getValue().isEmpty())
                .map(path -> summary(path.getKey(), path.getValue(), statuses, awaiting))
                .toList();
    }

    private DatabaseSummaryView summary(
            String database,
            List<String> path,
            Map<String, List<StatusRow>> statuses,
            Map<String, List<AwaitingRow>> awaiting) {
        List<EnvironmentSummaryView> environments = new ArrayList<>();
        String previous = null;
        for (String environment : path) {
            List<StatusRow> here = statuses.getOrDefault(database + '/' + environment, List.of());
            StatusRow current = here.stream()
                    .filter(row -> row.status().equals("APPLIED"))
                    .max(Comparator.comparing(StatusRow::version, VersionOrder.INSTANCE))
                    .orElse(null);
            String version = current == null ? null : current.version();
            int failed = (int)
                    here.stream().filter(row -> row.status().equals("FAILED")).count();
            environments.add(new EnvironmentSummaryView(
                    environment,
                    version,
                    current == null ? null : current.migrationId(),
                    promotion(environments.isEmpty(), previous, version),
                    failed));
            previous = version;
        }
        List<AwaitingApprovalView> waiting = awaiting.getOrDefault(database, List.of()).stream()
                .map(row -> new AwaitingApprovalView(row.migrationId(), row.version()))
                .toList();
        return new DatabaseSummaryView(database, environments, waiting);
    }

    private static String promotion(boolean first, String previous, String current) {
        int order = first ? 0 : compare(current, previous);
        return order > 0 ? "AHEAD" : order < 0 ? "BEHIND" : "LEVEL";
    }

    /** Versions in version order, no version before every version. */
    private static int compare(String version, String other) {
        if (version == null || other == null) {
            return version == null ? (other == null ? 0 : -1) : 1;
        }
        return VersionOrder.INSTANCE.compare(version, other);
    }

    private List<StatusRow> statuses(String[] names) {
        return jdbc.sql("""
                        select s.database_name, s.environment, s.migration_id, s.status, m.version
                        from fleet_status s join fleet_migration m on m.generation = s.generation
                            and m.database_name = s.database_name and m.migration_id = s.migration_id
                        where s.generation = ? and s.database_name = any(?)
                        """)
                .params(generation, names)
                .query((rs, row) -> new StatusRow(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    private List<AwaitingRow> awaiting(String[] names) {
        return jdbc
                .sql("""
                        select database_name, migration_id, version from fleet_migration
                        where generation = ? and database_name = any(?) and state = 'PROPOSED'
                        """)
                .params(generation, names)
                .query((rs, row) -> new AwaitingRow(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list()
                .stream()
                .sorted(Comparator.comparing(AwaitingRow::version, VersionOrder.INSTANCE))
                .toList();
    }

    private record StatusRow(String database, String environment, String migrationId, String status, String version) {}

    private record AwaitingRow(String database, String migrationId, String version) {}
}
