package org.migrationledger.projection.observed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.migrationledger.api.queries.CompareSchemas;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.api.queries.SchemaComparisonView;
import org.migrationledger.api.queries.SchemaDifferenceView;
import org.migrationledger.projection.drift.DriftSource;
import org.migrationledger.projection.rebuild.Generations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what pipelines observed: compares schemas side by side, and judges the drift the ledger's own facts cannot
 * show. The schema expected at a version is the one first observed at that version in the earliest environment of the
 * promotion path that reached it: what the migrations produced before anyone could change it by hand.
 */
@Component
class ObservedSchemaQueryHandler implements DriftSource {

    private final JdbcClient jdbc;
    private final Generations generations;

    ObservedSchemaQueryHandler(JdbcClient jdbc, Generations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    @QueryHandler
    Optional<SchemaComparisonView> handle(CompareSchemas query) {
        int generation = generations.active(ObservedSchemaReadModel.NAME);
        List<String> path = path(generation, query.database());
        List<Observation> observations = observations(generation, query.database());
        Optional<Observation> to = latest(observations, query.to());
        Optional<Side> reference = query.from() == null
                ? to.flatMap(observed -> expected(observations, path, observed.schemaVersion()))
                : latest(observations, query.from()).map(Side::latest);
        if (to.isEmpty() || reference.isEmpty()) {
            return Optional.empty();
        }
        Side compared = Side.latest(to.get());
        List<SchemaDifferenceView> differences = SchemaDiff.between(
                ObservedJson.schema(reference.get().schema()), ObservedJson.schema(compared.schema()));
        return Optional.of(new SchemaComparisonView(
                query.database(),
                reference.get().view(),
                compared.view(),
                differences.isEmpty(),
                differences.stream().anyMatch(SchemaDifferenceView::breaking),
                differences));
    }

    @Override
    public Set<String> kinds() {
        return Set.of("UNRECORDED_MIGRATION", "MISSING_IN_TARGET", "STRUCTURAL");
    }

    @Override
    public List<DriftFindingView> findings(String database) {
        int generation = generations.active(ObservedSchemaReadModel.NAME);
        List<String> path = path(generation, database);
        List<DriftFindingView> findings = new ArrayList<>();
        Set<String> proposed = new HashSet<>(proposed(generation, database));
        for (String environment : path) {
            history(generation, database, environment)
                    .ifPresent(history -> findings.addAll(HistoryReconciliation.findings(
                            environment,
                            history.capturedAt(),
                            ObservedJson.history(history.json()),
                            facts(generation, database, environment, history.sequence()),
                            proposed)));
        }
        List<Observation> observations = observations(generation, database);
        for (String environment : path) {
            latest(observations, environment)
                    .ifPresent(observed -> findings.addAll(structural(observations, path, observed)));
        }
        return findings;
    }

    private List<DriftFindingView> structural(List<Observation> observations, List<String> path, Observation observed) {
        Optional<Side> expected = expected(observations, path, observed.schemaVersion());
        if (expected.isEmpty() || expected.get().sequence() == observed.lastSequence()) {
            return List.of();
        }
        Side reference = expected.get();
        String version = observed.schemaVersion().isEmpty() ? "no version" : observed.schemaVersion();
        return SchemaDiff.between(ObservedJson.schema(reference.schema()), ObservedJson.schema(observed.lastSchema()))
                .stream()
                .map(difference -> new DriftFindingView(
                        "STRUCTURAL",
                        difference.breaking() ? "HIGH" : "MEDIUM",
                        observed.environment(),
                        null,
                        "%s differs from the schema expected at %s (as first observed in %s at %s): %s%s."
                                .formatted(
                                        observed.environment(),
                                        version,
                                        reference.environment(),
                                        reference.capturedAt(),
                                        difference.detail(),
                                        difference.breaking() ? " (breaking)" : "")))
                .toList();
    }

    /** The first schema observed at the version in the earliest environment of the path that observed it. */
    private static Optional<Side> expected(List<Observation> observations, List<String> path, String version) {
        return observations.stream()
                .filter(o -> o.schemaVersion().equals(version) && path.contains(o.environment()))
                .min(Comparator.comparingInt((Observation o) -> path.indexOf(o.environment())))
                .map(Side::first);
    }

    private static Optional<Observation> latest(List<Observation> observations, String environment) {
        return observations.stream()
                .filter(o -> o.environment().equals(environment))
                .max(Comparator.comparingLong(Observation::lastSequence));
    }

    private List<String> path(int generation, String database) {
        return jdbc.sql("""
                        select environment from observed_environment where generation = ? and database_name = ?
                        order by path_position""").params(generation, database).query(String.class).list();
    }

    private List<Observation> observations(int generation, String database) {
        return jdbc.sql("""
                        select environment, schema_version, first_sequence, first_captured_at, first_schema,
                        last_sequence, last_captured_at, last_schema from observed_schema
                        where generation = ? and database_name = ?""")
                .params(generation, database)
                .query(ObservedSchemaQueryHandler::observation)
                .list();
    }

    private Optional<History> history(int generation, String database, String environment) {
        return jdbc.sql("""
                        select sequence_number, captured_at, history from observed_history
                        where generation = ? and database_name = ? and environment = ?""")
                .params(generation, database, environment)
                .query((rs, row) ->
                        new History(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .optional();
    }

    private List<HistoryReconciliation.Fact> facts(int generation, String database, String environment, long before) {
        return jdbc.sql("""
                        select migration_id, kind from observed_fact where generation = ? and database_name = ?
                        and environment = ? and sequence_number < ? order by sequence_number""")
                .params(generation, database, environment, before)
                .query((rs, row) -> new HistoryReconciliation.Fact(rs.getString(1), rs.getString(2)))
                .list();
    }

    private List<String> proposed(int generation, String database) {
        return jdbc.sql("select migration_id from observed_migration where generation = ? and database_name = ?")
                .params(generation, database)
                .query(String.class)
                .list();
    }

    private static Observation observation(ResultSet rs, int row) throws SQLException {
        return new Observation(
                rs.getString("environment"),
                rs.getString("schema_version"),
                rs.getLong("first_sequence"),
                rs.getTimestamp("first_captured_at").toInstant(),
                rs.getString("first_schema"),
                rs.getLong("last_sequence"),
                rs.getTimestamp("last_captured_at").toInstant(),
                rs.getString("last_schema"));
    }

    /** The schemas observed in one environment at one ledger version: the first and the latest. */
    private record Observation(
            String environment,
            String schemaVersion,
            long firstSequence,
            Instant firstCapturedAt,
            String firstSchema,
            long lastSequence,
            Instant lastCapturedAt,
            String lastSchema) {}

    /** One side of a comparison: a schema as observed in an environment. */
    private record Side(
            String environment,
            boolean expected,
            String schemaVersion,
            long sequence,
            Instant capturedAt,
            String schema) {

        static Side first(Observation o) {
            return new Side(
                    o.environment(), true, o.schemaVersion(), o.firstSequence(), o.firstCapturedAt(), o.firstSchema());
        }

        static Side latest(Observation o) {
            return new Side(
                    o.environment(), false, o.schemaVersion(), o.lastSequence(), o.lastCapturedAt(), o.lastSchema());
        }

        SchemaComparisonView.Side view() {
            return new SchemaComparisonView.Side(
                    environment, expected, schemaVersion.isEmpty() ? null : schemaVersion, capturedAt);
        }
    }

    private record History(long sequence, Instant capturedAt, String json) {}
}
