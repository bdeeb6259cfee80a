package org.migrationledger.projection.fleet;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.migrationledger.api.queries.GridRowView;
import org.migrationledger.api.queries.StatusGridView;
import org.migrationledger.naming.VersionOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One database's status grid from one generation of the fleet, in two reads whatever its size. */
record FleetGrid(JdbcClient jdbc, int generation) {

    private static final java.util.Set<String> ENDED = java.util.Set.of("WITHDRAWN", "SUPERSEDED");

    Optional<StatusGridView> of(String database) {
        List<String> path =
                jdbc.sql("""
                        select environment from fleet_environment
                        where generation = ? and database_name = ? order by path_position
                        """).params(generation, database).query(String.class).list();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, String>> statuses = new HashMap<>();
        jdbc.sql("""
                        select s.migration_id, s.environment,
                               case when s.status = 'APPLIED' and m.state in ('IMPORTED', 'UNPROPOSED') then m.state
                                    else s.status end
                        from fleet_status s join fleet_migration m on m.generation = s.generation
                            and m.database_name = s.database_name and m.migration_id = s.migration_id
                        where s.generation = ? and s.database_name = ?
                        """)
                .params(generation, database)
                .query((rs, row) -> statuses.computeIfAbsent(rs.getString(1), id -> new HashMap<>())
                        .put(rs.getString(2), rs.getString(3)))
                .list();
        List<GridRowView> rows = jdbc
                .sql("""
                        select migration_id, version, state from fleet_migration
                        where generation = ? and database_name = ?
                        """)
                .params(generation, database)
                .query((rs, row) -> row(rs.getString(1), rs.getString(2), rs.getString(3), path, statuses))
                .list()
                .stream()
                .sorted(Comparator.comparing(GridRowView::version, VersionOrder.INSTANCE))
                .toList();
        return Optional.of(new StatusGridView(database, path, rows));
    }

    /** Where a withdrawn or superseded migration has not run, it will not: the cell says why instead of pending. */
    private static GridRowView row(
            String migrationId,
            String version,
            String state,
            List<String> path,
            Map<String, Map<String, String>> statuses) {
        Map<String, String> known = statuses.getOrDefault(migrationId, Map.of());
        String notRun = ENDED.contains(state) ? state : "PENDING";
        Map<String, String> cells = new LinkedHashMap<>();
        path.forEach(environment -> cells.put(environment, known.getOrDefault(environment, notRun)));
        return new GridRowView(migrationId, version, cells);
    }
}
