package org.migrationledger.projection.drift;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.api.queries.DriftReportView;
import org.migrationledger.api.queries.FindDrift;
import org.migrationledger.api.queries.FindOpenDrift;
import org.migrationledger.api.queries.FindOpenDriftCounts;
import org.migrationledger.api.queries.OpenDriftCountsView;
import org.migrationledger.api.queries.OpenDriftView;
import org.migrationledger.projection.rebuild.Generations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers drift from the findings the projection stored for the active generation: a page of the report, the gate's
 * environment, the fleet's counts. The injected clock opens the time-based findings.
 */
@Component
@EnableConfigurationProperties(DriftSettings.class)
class DriftQueryHandler {

    private final Generations generations;
    private final DriftSettings settings;
    private final Clock clock;
    private final List<DriftSource> sources;
    private final DriftFindings findings;
    private final TransactionTemplate transactions;
    private final List<DriftReview> reviews;

    DriftQueryHandler(
            JdbcClient jdbc,
            Generations generations,
            DriftSettings settings,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this(jdbc, generations, settings, clock, transactionManager, List.of(), List.of());
    }

    /**
     * @param sources read models that judge more kinds of drift (observed schemas, unproposed facts); their findings
     *     follow the stored ones
     * @param reviews read models that review the merged findings (decisions that end migrations, acknowledgements)
     */
    @Autowired
    DriftQueryHandler(
            JdbcClient jdbc,
            Generations generations,
            DriftSettings settings,
            Clock clock,
            PlatformTransactionManager transactionManager,
            List<DriftSource> sources,
            List<DriftReview> reviews) {
        this.findings = new DriftFindings(jdbc);
        this.transactions = new TransactionTemplate(transactionManager);
        this.generations = generations;
        this.settings = settings;
        this.clock = clock;
        this.sources = List.copyOf(sources);
        this.reviews = List.copyOf(reviews);
    }

    @QueryHandler
    Optional<DriftReportView> handle(FindDrift query) {
        String database = query.database();
        int generation = generations.active(DriftReadModel.NAME);
        if (findings.path(generation, database).isEmpty()) {
            return Optional.empty();
        }
        judgedNow(generation, database);
        var now = clock.instant();
        // The other sources' findings follow the read model's rows: a page past those rows is made of them.
        List<DriftFindingView> merged = new ArrayList<>();
        sources.forEach(source -> merged.addAll(source.findings(database)));
        DriftFindings.Page stored =
                findings.page(generation, database, now, settings.pendingThreshold(), query.offset(), query.limit());
        List<DriftFindingView> page = new ArrayList<>(stored.findings());
        int mergedFrom = (int) Math.max(0, query.offset() - stored.total());
        merged.stream()
                .skip(mergedFrom)
                .limit(Math.max(0, query.limit() - page.size()))
                .forEach(page::add);
        // Reviews (decisions that ended a migration, accepted drift) see the page: what one drops shortens it and the
        // total, so a page may come out shorter than the limit though more follow.
        List<DriftFindingView> reviewed = reviewed(database, page, now);
        return Optional.of(new DriftReportView(
                database,
                now,
                reviewed,
                stored.total() + merged.size() - (page.size() - reviewed.size()),
                query.offset(),
                query.limit()));
    }

    @QueryHandler
    OpenDriftView handle(FindOpenDrift query) {
        if (!settings.gateEnvironments().contains(query.environment())) {
            // Asked on every gate call: an environment that drift does not gate needs no drift report at all.
            return new OpenDriftView(query.database(), query.environment(), false, List.of());
        }
        int generation = generations.active(DriftReadModel.NAME);
        judgedNow(generation, query.database());
        List<DriftFindingView> blocking = new ArrayList<>(findings.inEnvironment(
                generation,
                query.database(),
                query.environment(),
                settings.gateKinds(),
                clock.instant(),
                settings.pendingThreshold()));
        // Sources whose kinds do not gate (by default none of observed reality's) are not asked.
        sources.stream()
                .filter(source -> source.kinds().stream().anyMatch(settings.gateKinds()::contains))
                .flatMap(source -> source.findings(query.database()).stream())
                .filter(f -> f.environment().equals(query.environment()))
                .filter(f -> settings.gateKinds().contains(f.kind()))
                .forEach(blocking::add);
        // An accepted finding stays in the report but stops gating until it expires or changes.
        List<DriftFindingView> gating = reviewed(query.database(), blocking, clock.instant()).stream()
                .filter(f -> f.acknowledgement() == null)
                .toList();
        return new OpenDriftView(query.database(), query.environment(), true, gating);
    }

    @QueryHandler
    OpenDriftCountsView handle(FindOpenDriftCounts query) {
        int generation = generations.active(DriftReadModel.NAME);
        query.databases().forEach(database -> judgedNow(generation, database));
        Map<String, Map<String, Long>> counts =
                findings.countsBySeverity(generation, query.databases(), clock.instant(), settings.pendingThreshold());
        for (String database : query.databases()) {
            sources.forEach(source -> source.findings(database)
                    .forEach(f -> counts.computeIfAbsent(database, k -> new LinkedHashMap<>())
                            .merge(f.severity(), 1L, Long::sum)));
        }
        return new OpenDriftCountsView(counts);
    }

    private List<DriftFindingView> reviewed(String database, List<DriftFindingView> findings, Instant now) {
        List<DriftFindingView> reviewed = findings;
        for (DriftReview review : reviews) {
            reviewed = review.review(database, reviewed, now);
        }
        return reviewed;
    }

    /**
     * A database of a generation built before findings were stored is judged on its first read, in a transaction of
     * its own; the projection judges every other one as its facts arrive.
     */
    private void judgedNow(int generation, String database) {
        if (findings.unjudged(generation, database)) {
            transactions.executeWithoutResult(status -> findings.judge(generation, database));
        }
    }
}
