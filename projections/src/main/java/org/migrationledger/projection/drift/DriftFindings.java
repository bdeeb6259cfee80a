package org.migrationledger.projection.drift;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.migrationledger.api.queries.DriftFindingView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@code drift_finding} rows of one generation: written by a judgement of a database's whole history when its facts
 * change (once per processed batch, not per request), read a page, an environment or a count at a time. The clock
 * only opens {@code PENDING_TOO_LONG} rows, by the instant stored with them.
 */
final class DriftFindings {

    private static final String PENDING = "PENDING_TOO_LONG";
    /** Rows the clock has opened, and every row of the other kinds; parameters: the threshold's instant. */
    private static final String OPEN = "(kind <> '" + PENDING + "' or since < ?)";

    /**
     * The most steps the judges kept between batches may hold in all (a few hundred bytes each): enough for the
     * databases being written to, the longest histories among them.
     */
    static final long KEPT_STEPS = 200_000;

    private final JdbcClient jdbc;
    /**
     * Judges kept per database after their batch committed, so that the next batch replays only its own steps; empty
     * when none are kept.
     */
    private final Optional<Cache<String, DriftJudge>> kept;

    /** Findings judged from the whole history every time (a read judging a database built before findings). */
    DriftFindings(JdbcClient jdbc) {
        this(jdbc, 0);
    }

    /** @param keptSteps bound of the judges kept between judgements, in steps replayed (0: none kept) */
    DriftFindings(JdbcClient jdbc, long keptSteps) {
        this.jdbc = jdbc;
        this.kept = keptSteps == 0
                ? Optional.empty()
                : Optional.of(Caffeine.newBuilder()
                        .maximumWeight(keptSteps)
                        .<String, DriftJudge>weigher(
                                (database, judge) -> (int) Math.min(Integer.MAX_VALUE, judge.stepsReplayed()))
                        .build());
    }

    /** One page of a database's open findings in report order, and how many there are in all. */
    record Page(List<DriftFindingView> findings, long total) {}

    /**
     * Judges a database from the facts of the generation and replaces its findings. Runs in the caller's transaction
     * (the processor's batch, or a read judging a database of a generation built before findings were stored); the
     * advisory lock keeps two judgements of one database from interleaving their replacements.
     */
    void judge(int generation, String database) {
        judge(generation, database, Long.MIN_VALUE);
    }

    /**
     * As {@link #judge(int, String)}, replaying only the steps after those a kept judge of the database replayed when
     * it still judges as a whole replay would ({@link DriftJudge#admits}) and the batch brought no step at or before
     * them (a redelivery, a dead letter retried). The judge is kept again only once the transaction commits, so a
     * rolled-back batch leaves no judge ahead of the stored steps.
     *
     * @param earliestSequence the lowest sequence number of the batch's events on the database; {@link Long#MIN_VALUE}
     *     when unknown, which judges the whole history
     */
    void judge(int generation, String database, long earliestSequence) {
        jdbc.sql("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?, ?))) locked")
                .params(database, generation)
                .query(Long.class)
                .single();
        List<String> path = path(generation, database);
        Map<String, DriftJudge.Migration> migrations = migrations(generation, database);
        DriftJudge judge = kept.map(judges -> judges.asMap().remove(database)).orElse(null);
        boolean incremental =
                judge != null && earliestSequence > judge.replayedThrough() && judge.admits(path, migrations);
        if (!incremental) {
            judge = new DriftJudge(path, migrations);
        }
        DriftJudge.Judgement judgement = judge.judge(steps(generation, database, judge.replayedThrough()));
        keepAfterCommit(database, judge);
        List<Row> rows = new ArrayList<>();
        judgement.findings().forEach(f -> rows.add(new Row(f, null)));
        judgement
                .pending()
                .forEach(p -> rows.add(new Row(
                        new DriftFindingView(PENDING, "LOW", judgement.lastEnvironment(), p.migrationId(), null),
                        p.approvedAt())));
        jdbc.sql("delete from drift_finding where generation = ? and database_name = ?")
                .params(generation, database)
                .update();
        if (!rows.isEmpty()) {
            jdbc.sql("""
                            insert into drift_finding (generation, database_name, ordinal, kind, severity, environment,
                            migration_id, detail, since)
                            select ?, ?, f.ordinal - 1, f.kind, f.severity, f.environment, f.migration_id, f.detail, f.since
                            from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                 cast(? as text[]), cast(? as timestamptz[]))
                                 with ordinality as f(kind, severity, environment, migration_id, detail, since, ordinal)
                            """)
                    .params(
                            generation,
                            database,
                            column(rows, r -> r.finding().kind()),
                            column(rows, r -> r.finding().severity()),
                            column(rows, r -> r.finding().environment()),
                            column(rows, r -> r.finding().migrationId()),
                            column(rows, r -> r.finding().detail()),
                            rows.stream()
                                    .map(r -> r.since() == null ? null : java.sql.Timestamp.from(r.since()))
                                    .toArray(java.sql.Timestamp[]::new))
                    .update();
        }
        jdbc.sql("delete from drift_unjudged where generation = ? and database_name = ?")
                .params(generation, database)
                .update();
    }

    private void keepAfterCommit(String database, DriftJudge judge) {
        kept.ifPresent(judges -> {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                judges.put(database, judge);
                return;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    judges.put(database, judge);
                }
            });
        });
    }

    /** Whether the database is of a generation built before findings were stored and has not been judged since. */
    boolean unjudged(int generation, String database) {
        return jdbc.sql("select count(*) from drift_unjudged where generation = ? and database_name = ?")
                        .params(generation, database)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<String> path(int generation, String database) {
        return jdbc.sql("""
                        select environment from drift_environment where generation = ?
                        and database_name = ? order by path_position""").params(generation, database).query(String.class).list();
    }

    Page page(int generation, String database, Instant now, Duration threshold, int offset, int limit) {
        Instant opened = now.minus(threshold);
        long total = jdbc.sql(
                        "select count(*) from drift_finding where generation = ? and database_name = ? and " + OPEN)
                .params(generation, database, java.sql.Timestamp.from(opened))
                .query(Long.class)
                .single();
        List<DriftFindingView> findings = jdbc.sql("""
                        select kind, severity, environment, migration_id, detail, since from drift_finding
                        where generation = ? and database_name = ? and %s order by ordinal offset ? limit ?""".formatted(OPEN))
                .params(generation, database, java.sql.Timestamp.from(opened), offset, limit)
                .query((rs, i) -> view(rs, now, threshold))
                .list();
        return new Page(findings, total);
    }

    /** The open findings of the given kinds in one environment: what the gate reads. */
    List<DriftFindingView> inEnvironment(
            int generation, String database, String environment, List<String> kinds, Instant now, Duration threshold) {
        return jdbc.sql("""
                        select kind, severity, environment, migration_id, detail, since from drift_finding
                        where generation = ? and database_name = ? and environment = ?
                        and kind = any(cast(? as text[])) and %s order by ordinal""".formatted(OPEN))
                .params(
                        generation,
                        database,
                        environment,
                        kinds.toArray(String[]::new),
                        java.sql.Timestamp.from(now.minus(threshold)))
                .query((rs, i) -> view(rs, now, threshold))
                .list();
    }

    /** Open findings by database and severity, for a page of the fleet; databases without any are absent. */
    Map<String, Map<String, Long>> countsBySeverity(
            int generation, List<String> databases, Instant now, Duration threshold) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select database_name, severity, count(*) as findings from drift_finding
                        where generation = ? and database_name = any(cast(? as text[])) and %s
                        group by database_name, severity""".formatted(OPEN))
                .params(generation, databases.toArray(String[]::new), java.sql.Timestamp.from(now.minus(threshold)))
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("database_name"), k -> new LinkedHashMap<>())
                            .put(rs.getString("severity"), rs.getLong("findings"));
                });
        return counts;
    }

    private static DriftFindingView view(ResultSet rs, Instant now, Duration threshold) throws SQLException {
        String kind = rs.getString("kind");
        if (PENDING.equals(kind)) {
            // Its sentence says how long it has waited: written when read, from the instant stored.
            return DriftJudge.pendingTooLong(
                            rs.getString("migration_id"),
                            rs.getTimestamp("since").toInstant(),
                            rs.getString("environment"),
                            now,
                            threshold)
                    .orElseThrow();
        }
        return new DriftFindingView(
                kind,
                rs.getString("severity"),
                rs.getString("environment"),
                rs.getString("migration_id"),
                rs.getString("detail"));
    }

    private record Row(DriftFindingView finding, Instant since) {}

    private static String[] column(List<Row> rows, java.util.function.Function<Row, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
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

    /** The steps after {@code after} in ledger order: decisions first among those of one event. */
    private List<DriftJudge.Step> steps(int generation, String database, long after) {
        List<DriftJudge.Step> steps = new ArrayList<>(jdbc.sql("""
                        select sequence_number, kind, migration_id, checksum,
                        fully_approved, decided_at from drift_decision where generation = ? and database_name = ?
                        and sequence_number > ?""")
                .params(generation, database, after)
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
                        imported from drift_fact where generation = ? and database_name = ?
                        and sequence_number > ?""")
                .params(generation, database, after)
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
