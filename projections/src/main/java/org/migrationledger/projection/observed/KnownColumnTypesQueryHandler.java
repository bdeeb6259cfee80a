package org.migrationledger.projection.observed;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.migrationledger.api.events.SchemaSnapshotObserved.Column;
import org.migrationledger.api.events.SchemaSnapshotObserved.Schema;
import org.migrationledger.api.events.SchemaSnapshotObserved.Table;
import org.migrationledger.api.queries.FindKnownColumnTypes;
import org.migrationledger.api.queries.KnownColumnTypesView;
import org.migrationledger.naming.VersionOrder;
import org.migrationledger.projection.rebuild.Generations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The column types a new migration will meet, from the schemas pipelines observed: the latest schema seen at the
 * highest version below the migration's. When several environments were seen at that version, the one furthest along
 * the promotion path wins: its schema is the one whose tables a rewrite would lock for longest.
 */
@Component
class KnownColumnTypesQueryHandler {

    private final JdbcClient jdbc;
    private final Generations generations;

    KnownColumnTypesQueryHandler(JdbcClient jdbc, Generations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    @QueryHandler
    KnownColumnTypesView handle(FindKnownColumnTypes query) {
        int generation = generations.active(ObservedSchemaReadModel.NAME);
        Optional<String> version = Optional.ofNullable(query.version())
                .or(() -> versionOf(generation, query.database(), query.migrationId()));
        if (version.isEmpty()) {
            return KnownColumnTypesView.none();
        }
        List<String> path = jdbc.sql("""
                        select environment from observed_environment where generation = ?
                        and database_name = ? order by path_position""")
                .params(generation, query.database())
                .query(String.class)
                .list();
        // Only the keys are read here: a database observed at hundreds of versions holds hundreds of whole schemas.
        Optional<Candidate> best = jdbc
                .sql("""
                        select environment, schema_version from observed_schema
                        where generation = ? and database_name = ?""")
                .params(generation, query.database())
                .query((rs, row) -> new Candidate(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .filter(candidate -> path.contains(candidate.environment()))
                .filter(candidate -> candidate.schemaVersion().isEmpty()
                        || VersionOrder.INSTANCE.compare(candidate.schemaVersion(), version.get()) < 0)
                .max(Comparator.comparing(Candidate::schemaVersion, KnownColumnTypesQueryHandler::versionOrder)
                        .thenComparingInt(candidate -> path.indexOf(candidate.environment())));
        return best.map(candidate -> read(generation, query.database(), candidate))
                .orElseGet(KnownColumnTypesView::none);
    }

    private KnownColumnTypesView read(int generation, String database, Candidate candidate) {
        return jdbc.sql("""
                        select last_captured_at, last_schema from observed_schema where generation = ?
                        and database_name = ? and environment = ? and schema_version = ?""")
                .params(generation, database, candidate.environment(), candidate.schemaVersion())
                .query((rs, row) ->
                        view(candidate, rs.getTimestamp(1).toInstant(), ObservedJson.schema(rs.getString(2))))
                .single();
    }

    private static KnownColumnTypesView view(Candidate candidate, Instant capturedAt, Schema schema) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Table table : schema.tables()) {
            for (Column column : table.columns()) {
                types.put(table.schema() + "." + table.name() + "." + column.name(), column.type());
            }
        }
        return new KnownColumnTypesView(
                candidate.environment(),
                candidate.schemaVersion().isEmpty() ? null : candidate.schemaVersion(),
                capturedAt,
                types);
    }

    private Optional<String> versionOf(int generation, String database, String migrationId) {
        return jdbc.sql("""
                        select version from observed_migration where generation = ? and database_name = ?
                        and migration_id = ?""")
                .params(generation, database, migrationId)
                .query(String.class)
                .optional();
    }

    /** '' (observed before anything was applied) sorts below every version. */
    private static int versionOrder(String left, String right) {
        if (left.isEmpty() || right.isEmpty()) {
            return Boolean.compare(!left.isEmpty(), !right.isEmpty());
        }
        return VersionOrder.INSTANCE.compare(left, right);
    }

    private record Candidate(String environment, String schemaVersion) {}
}
