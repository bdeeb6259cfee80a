package org.migrationledger.projection.drift;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.api.queries.DriftReportView;
import org.migrationledger.api.queries.FindDrift;
import org.migrationledger.api.queries.FindOpenDrift;
import org.migrationledger.api.queries.OpenDriftView;
import org.migrationledger.projection.rebuild.Generations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Judges drift at query time from the active generation, with the injected clock for the time-based findings. */
@Component
@EnableConfigurationProperties(DriftSettings.class)
class DriftQueryHandler {

    private final JdbcClient jdbc;
    private final Generations generations;
    private final DriftSettings settings;
    private final Clock clock;
    private final List<DriftSource> sources;
    private final List<DriftReview> reviews;

    DriftQueryHandler(JdbcClient jdbc, Generations generations, DriftSettings settings, Clock clock) {
        this(jdbc, generations, settings, clock, List.of(), List.of());
    }

    DriftQueryHandler(
            JdbcClient jdbc, Generations generations, DriftSettings settings, Clock clock, List<DriftSource> sources) {
        this(jdbc, generations, settings, clock, sources, List.of());
    }

    /**
     * @param sources read models that judge more kinds of drift (observed schemas); their findings are appended
     * @param reviews read models that review the merged findings (decisions that end migrations, acknowledgements)
     */
    @Autowired
    DriftQueryHandler(
            JdbcClient jdbc,
            Generations generations,
            DriftSettings settings,
            Clock clock,
            List<DriftSource> sources,
            List<DriftReview> reviews) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.settings = settings;
        this.clock = clock;
        this.sources = List.copyOf(sources);
        this.reviews = List.copyOf(reviews);
    }

    @QueryHandler
    Optional<DriftReportView> handle(FindDrift query) {
        return report(query.database(), sources);
    }

    /** The drift report with the findings of the given sources merged in; empty for an unregistered database. */
    private Optional<DriftReportView> report(String database, List<DriftSource> merged) {
        int generation = generations.active(DriftReadModel.NAME);
        List<String> path =
                jdbc.sql("""
                        select environment from drift_environment where generation = ?
                        and database_name = ? order by path_position""").params(generation, database).query(String.class).list();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant();
        var findings =
                new ArrayList<>(new DriftJudge(path, migrations(generation, database), settings.pendingThreshold())
                        .judge(steps(generation, database), now));
        merged.forEach(source -> findings.addAll(source.findings(database)));
        List<DriftFindingView> reviewed = findings;
        for (DriftReview review : reviews) {
            reviewed = review.review(database, reviewed, now);
        }
        return Optional.of(new DriftReportView(database, now, reviewed));
    }

    @QueryHandler
    OpenDriftView handle(FindOpenDrift query) {
        if (!settings.gateEnvironments().contains(query.environment())) {
            // Asked on every gate call: an environment that drift does not gate needs no drift report at all.
            return new OpenDriftView(query.database(), query.environment(), false, List.of());
        }
        // Asked on every gate call: sources whose kinds do not gate (by default none of observed reality's) are
        // skipped.
        List<DriftSource> gating = sources.stream()
                .filter(source -> source.kinds().stream().anyMatch(settings.gateKinds()::contains))
                .toList();
        var blocking = report(query.database(), gating)
                .map(report -> report.findings().stream()
                        .filter(f -> f.environment().equals(query.environment()))
                        .filter(f -> settings.gateKinds().contains(f.kind()))
                        // An accepted finding stays in the report but stops gating until it expires or changes.
                        .filter(f -> f.acknowledgement() == null)
                        .toList())
                .orElse(List.of());
        return new OpenDriftView(query.database(), query.environment(), true, blocking);
    }

    private Map<String, DriftJudge.Migration> migrations(int generation, String database) {
        return jdbc
                .sql("""
                        select migration_id, version, checksum from drift_migration where generation = ?
                        and database_name = ?""")
                .params(generation, database)
                .query((rs, i) -> new DriftJudge.Migration(
                        rs.getString("migration_id"), rs.getString("version"), rs.getString("checksum")))
                .list()
                .stream()
                .collect(Collectors.toMap(DriftJudge.Migration::id, m -> m));
    }

    private List<DriftJudge.Step> steps(int generation, String database) {
        List<DriftJudge.Step> steps = new ArrayList<>(jdbc.sql("""
                        select sequence_number, kind, migration_id, checksum,
                        fully_approved, decided_at from drift_decision where generation = ? and database_name = ?""")
                .params(generation, database)
                .query((rs, i) -> new DriftJudge.Step(
                        rs.getLong("sequence_number"),
                        StepKind.valueOf(rs.getString("kind")),
                        rs.getString("migration_id"),
                        null,
                        rs.getString("checksum"),
                        rs.getBoolean("fully_approved"),
                        rs.getTimestamp("decided_at").toInstant(),
                        null,
                        false))
                .list());
        steps.addAll(jdbc.sql("""
                        select sequence_number, kind, migration_id, environment, checksum, recorded_at, error,
                        imported from drift_fact where generation = ? and database_name = ?""")
                .params(generation, database)
                .query((rs, i) -> new DriftJudge.Step(
                        rs.getLong("sequence_number"),
                        StepKind.valueOf(rs.getString("kind")),
                        rs.getString("migration_id"),
                        rs.getString("environment"),
                        rs.getString("checksum"),
                        false,
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("error"),
                        rs.getBoolean("imported")))
                .list());
        steps.sort(Comparator.comparingLong(DriftJudge.Step::sequence));
        return steps;
    }
}
