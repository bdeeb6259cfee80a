package org.migrationledger.projection.fleet;

import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.migrationledger.api.queries.DatabasePageView;
import org.migrationledger.api.queries.DatabaseSummaryView;
import org.migrationledger.api.queries.FindDatabases;
import org.migrationledger.api.queries.GetDatabase;
import org.migrationledger.api.queries.GetMigrationScripts;
import org.migrationledger.api.queries.GetStatusGrid;
import org.migrationledger.api.queries.MigrationScriptsView;
import org.migrationledger.api.queries.StatusGridView;
import org.migrationledger.projection.rebuild.Generations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers the fleet: a page of databases (a name filter, in name order), one database, its grid, a migration's scripts. */
@Component
class FleetQueryHandler {

    private final JdbcClient jdbc;
    private final Generations generations;

    FleetQueryHandler(JdbcClient jdbc, Generations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    @QueryHandler
    DatabasePageView handle(FindDatabases query) {
        int generation = generations.active(FleetReadModel.NAME);
        String pattern = "%" + (query.nameContains() == null ? "" : escape(query.nameContains())) + "%";
        long total = jdbc.sql("""
                        select count(distinct database_name) from fleet_environment
                        where generation = ? and database_name like ?
                        """).params(generation, pattern).query(Long.class).single();
        List<String> names = jdbc.sql("""
                        select distinct database_name from fleet_environment
                        where generation = ? and database_name like ?
                        order by database_name offset ? limit ?
                        """)
                .params(generation, pattern, query.offset(), query.limit())
                .query(String.class)
                .list();
        return new DatabasePageView(
                new FleetSummaries(jdbc, generation).of(names), total, query.offset(), query.limit());
    }

    @QueryHandler
    Optional<DatabaseSummaryView> handle(GetDatabase query) {
        int generation = generations.active(FleetReadModel.NAME);
        return new FleetSummaries(jdbc, generation)
                .of(List.of(query.database())).stream().findFirst();
    }

    @QueryHandler
    Optional<StatusGridView> handle(GetStatusGrid query) {
        return new FleetGrid(jdbc, generations.active(FleetReadModel.NAME)).of(query.database());
    }

    @QueryHandler
    Optional<MigrationScriptsView> handle(GetMigrationScripts query) {
        return jdbc.sql("""
                        select version, script, down_script from fleet_migration
                        where generation = ? and database_name = ? and migration_id = ?
                        """)
                .params(generations.active(FleetReadModel.NAME), query.database(), query.migrationId())
                .query((rs, row) -> new MigrationScriptsView(
                        query.database(),
                        query.migrationId(),
                        rs.getString("version"),
                        rs.getString("script"),
                        rs.getString("down_script")))
                .optional();
    }

    /** Names are validated by the caller, but {@code _} is a LIKE wildcard and a valid name character. */
    private static String escape(String part) {
        return part.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
    }
}
