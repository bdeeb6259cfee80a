package org.migrationledger.projection.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.PATH;
import static org.migrationledger.projection.LedgerEvents.applied;
import static org.migrationledger.projection.LedgerEvents.expand;
import static org.migrationledger.projection.LedgerEvents.registered;
import static org.migrationledger.projection.LedgerEvents.rolledBack;
import static org.migrationledger.projection.ReadModelDatabase.twice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.api.queries.GetVersionHistory;
import org.migrationledger.api.queries.VersionHistoryEntryView;
import org.migrationledger.api.queries.VersionHistoryView;
import org.migrationledger.naming.VersionOrder;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.projection.rebuild.Generations;
import org.migrationledger.testsupport.FreshDatabase;
import org.migrationledger.testsupport.FreshPostgresDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The version history's entries against a recomputation from the facts themselves: a history with rollbacks,
 * re-applies, rollbacks that find nothing open, imported runs, applies of migrations proposed only later and versions
 * whose text order is not their order, read page by page, now and at instants throughout. The same facts stored the
 * way the read model stored them before entries (V101's fact table) and migrated by V182 and V183 answer the same.
 */
class VersionHistoryEntriesIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");
    private static final int PAGE = 7;

    private static final List<Step> STEPS = steps();
    private static final List<SingleConnectionDataSource> CONNECTIONS = new ArrayList<>();
    private static VersionHistoryQueryHandler projected;
    private static VersionHistoryQueryHandler migrated;
    private static FreshDatabase beforeEntries;

    @BeforeAll
    static void feedTheLedger() {
        ReadModelDatabase database = ReadModelDatabase.migrate(POSTGRES.database());
        database.generations().registerFirst(VersionHistoryReadModel.NAME);
        VersionHistoryProjection projection = new VersionHistoryProjection(database.jdbc(), 1);
        twice(() -> projection.on(registered()));
        STEPS.forEach(step -> twice(() -> step.feed(projection)));
        projected = queriesOn(POSTGRES.database());

        beforeEntries = FreshDatabase.create("VersionHistoryBeforeEntries");
        storeBeforeEntriesThenMigrate(beforeEntries);
        migrated = queriesOn(beforeEntries);
    }

    @AfterAll
    static void closeTheDatabases() {
        CONNECTIONS.forEach(SingleConnectionDataSource::destroy);
        beforeEntries.close();
    }

    @Test
    void answersEveryPageNowAsTheFactsSay() {
        for (String environment : List.of("ci", "production")) {
            assertPagesMatch(projected, environment, null);
        }
    }

    @Test
    void answersEveryPageAtInstantsThroughoutAsTheFactsSay() {
        for (Instant at : instants()) {
            for (String environment : List.of("ci", "production")) {
                assertPagesMatch(projected, environment, at);
            }
        }
    }

    @Test
    void entriesMigratedFromTheFactsAnswerTheSame() {
        for (Instant at :
                Stream.concat(Stream.of((Instant) null), instants().stream()).toList()) {
            for (String environment : List.of("ci", "production")) {
                assertPagesMatch(migrated, environment, at);
            }
        }
    }

    @Test
    void ordersVersionsByTheirNumbersNotTheirText() {
        VersionHistoryView now =
                projected.handle(new GetVersionHistory(DB, "ci", null, 0, 1)).orElseThrow();

        // 1.39.0 is the highest in ci (1.40.0 was rolled back there); as text 1.8.0 would win.
        assertThat(now.currentVersion()).isEqualTo("1.39.0");
    }

    @Test
    void answersAnEmptyLastPageBeyondTheHistory() {
        VersionHistoryView whole =
                projected.handle(new GetVersionHistory(DB, "production", null)).orElseThrow();
        VersionHistoryView beyond = projected
                .handle(new GetVersionHistory(DB, "production", null, whole.historyTotal() + 5, PAGE))
                .orElseThrow();

        assertThat(beyond.history()).isEmpty();
        assertThat(beyond.historyNext()).isNull();
        assertThat(beyond.historyTotal()).isEqualTo(whole.historyTotal());
        assertThat(beyond.currentVersion()).isEqualTo(whole.currentVersion());
    }

    private static void assertPagesMatch(VersionHistoryQueryHandler handler, String environment, Instant at) {
        Expected expected = expected(environment, at);
        List<VersionHistoryEntryView> read = new ArrayList<>();
        Integer offset = 0;
        while (offset != null) {
            VersionHistoryView page = handler.handle(new GetVersionHistory(DB, environment, at, offset, PAGE))
                    .orElseThrow();
            String where = environment + " at " + at + " from " + offset;
            assertThat(page.history()).as(where).hasSizeLessThanOrEqualTo(PAGE);
            assertThat(page.historyTotal())
                    .as(where)
                    .isEqualTo(expected.entries().size());
            assertThat(page.currentVersion()).as(where).isEqualTo(expected.current());
            assertThat(page.at()).isEqualTo(at);
            read.addAll(page.history());
            offset = page.historyNext();
        }
        assertThat(read).as(environment + " at " + at).isEqualTo(expected.entries());
    }

    /** Instants at and around every eighth fact, and before anything. */
    private static List<Instant> instants() {
        List<Instant> instants = new ArrayList<>(List.of(T0.minus(Duration.ofDays(60))));
        for (int i = 0; i < STEPS.size(); i += 8) {
            Step step = STEPS.get(i);
            instants.add(step.effectiveAt().minusSeconds(1));
            instants.add(step.effectiveAt());
            instants.add(step.recordedAt().plusSeconds(1));
        }
        return instants;
    }

    /**
     * The recomputation: facts of the environment in ledger order, each rollback closing the latest open apply of its
     * migration; then what of that stood at {@code at}, and the highest version in place by the version order (the
     * earliest apply among equal versions).
     */
    private static Expected expected(String environment, Instant at) {
        Map<String, Step> migrations = new HashMap<>();
        STEPS.stream()
                .filter(s -> s.kind() == Kind.PROPOSE || s.kind() == Kind.IMPORT)
                .forEach(s -> migrations.put(s.migrationId(), s));
        List<Step[]> entries = new ArrayList<>();
        Map<String, Deque<Step[]>> open = new HashMap<>();
        for (Step step : STEPS) {
            if (!environment.equals(step.environment())) {
                continue;
            }
            if (step.kind() == Kind.ROLLBACK) {
                Deque<Step[]> stack = open.get(step.migrationId());
                if (stack != null && !stack.isEmpty()) {
                    stack.pop()[1] = step;
                }
            } else {
                Step[] entry = {step, null};
                entries.add(entry);
                open.computeIfAbsent(step.migrationId(), id -> new ArrayDeque<>())
                        .push(entry);
            }
        }
        List<VersionHistoryEntryView> views = new ArrayList<>();
        String current = null;
        for (Step[] entry : entries) {
            Step apply = entry[0];
            if (at != null && apply.effectiveAt().isAfter(at)) {
                continue;
            }
            Step rollback =
                    entry[1] != null && (at == null || !entry[1].recordedAt().isAfter(at)) ? entry[1] : null;
            Step migration = migrations.get(apply.migrationId());
            String version = migration == null ? null : migration.version();
            views.add(new VersionHistoryEntryView(
                    version,
                    apply.migrationId(),
                    apply.effectiveAt(),
                    apply.principal(),
                    migration == null ? null : migration.description(),
                    migration != null && migration.kind() == Kind.PROPOSE,
                    rollback == null ? "APPLIED" : "ROLLED_BACK",
                    rollback == null ? null : rollback.recordedAt(),
                    rollback == null ? null : rollback.principal()));
            if (rollback == null
                    && version != null
                    && (current == null || VersionOrder.INSTANCE.compare(version, current) > 0)) {
                current = version;
            }
        }
        return new Expected(views, current);
    }

    /**
     * Forty migrations through ci and production: version {@code 1.i.0}; every ninth imported into production from a
     * history a month old; every thirteenth applied before it is proposed; every sixth reported without a start time; every
     * twelfth applied twice in production before its rollback there (which closes the second);
     * every fourth rolled back in production, every eighth applied there again, every sixteenth rolled back again;
     * every tenth, the last among them, rolled back in ci before it is applied there and twice after (the first and
     * the last rollback find nothing open), and the twentieth applied there again.
     */
    private static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            String id = "%04d_change_%d".formatted(i, i);
            String version = "1.%d.0".formatted(i);
            if (i % 9 == 0) {
                Instant installedOn = T0.minus(Duration.ofDays(30)).plus(Duration.ofHours(i));
                steps.add(step(steps, Kind.IMPORT, "production", id, version, installedOn, "legacy-dba"));
                continue;
            }
            if (i % 10 == 0) {
                steps.add(step(steps, Kind.ROLLBACK, "ci", id, version, null, "dora"));
            }
            if (i % 13 != 0) {
                steps.add(step(steps, Kind.PROPOSE, null, id, version, null, "alice"));
            }
            for (String environment : List.of("ci", "production")) {
                steps.add(step(steps, Kind.APPLY, environment, id, version, i % 6 == 0 ? null : Instant.MIN, "ci"));
            }
            if (i % 12 == 0) {
                steps.add(step(steps, Kind.APPLY, "production", id, version, Instant.MIN, "ci"));
            }
            if (i % 13 == 0) {
                steps.add(step(steps, Kind.PROPOSE, null, id, version, null, "alice"));
            }
            if (i % 4 == 0) {
                steps.add(step(steps, Kind.ROLLBACK, "production", id, version, null, "dora"));
            }
            if (i % 8 == 0) {
                steps.add(step(steps, Kind.APPLY, "production", id, version, Instant.MIN, "deploy-bot"));
            }
            if (i % 16 == 0) {
                steps.add(step(steps, Kind.ROLLBACK, "production", id, version, null, "erin"));
            }
            if (i % 10 == 0) {
                steps.add(step(steps, Kind.ROLLBACK, "ci", id, version, null, "dora"));
                steps.add(step(steps, Kind.ROLLBACK, "ci", id, version, null, "dora"));
            }
            if (i == 20) {
                steps.add(step(steps, Kind.APPLY, "ci", id, version, Instant.MIN, "ci"));
            }
        }
        return List.copyOf(steps);
    }

    /** {@code startedAt} {@link Instant#MIN} stands for five minutes before the fact was recorded. */
    private static Step step(
            List<Step> before,
            Kind kind,
            String environment,
            String migrationId,
            String version,
            Instant startedAt,
            String principal) {
        long sequence = before.size() + 1;
        Instant recordedAt = T0.plus(Duration.ofMinutes(10 * sequence));
        Instant started = Instant.MIN.equals(startedAt) ? recordedAt.minus(Duration.ofMinutes(5)) : startedAt;
        return new Step(kind, sequence, environment, migrationId, version, recordedAt, started, principal);
    }

    /**
     * The database as the read model kept it before entries (V101 to V181: the facts and the migrations), then
     * migrated to entries and version keys.
     */
    private static void storeBeforeEntriesThenMigrate(FreshDatabase database) {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/projections")
                .javaMigrations(new VersionKeysMigration())
                .target("181")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (int i = 0; i < PATH.size(); i++) {
            jdbc.sql("insert into version_history_environment values (1, ?, ?, ?)")
                    .params(DB, PATH.get(i), i)
                    .update();
        }
        Map<String, Step> migrations = new LinkedHashMap<>();
        STEPS.stream()
                .filter(s -> s.kind() == Kind.PROPOSE || s.kind() == Kind.IMPORT)
                .forEach(s -> migrations.put(s.migrationId(), s));
        migrations
                .values()
                .forEach(s -> jdbc.sql("insert into version_history_migration values (1, ?, ?, ?, ?, ?)")
                        .params(DB, s.migrationId(), s.version(), s.description(), s.kind() == Kind.PROPOSE)
                        .update());
        STEPS.stream()
                .filter(s -> s.kind() != Kind.PROPOSE)
                .forEach(s -> jdbc.sql("""
                        insert into version_history_fact values (1, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                DB,
                                s.sequence(),
                                s.environment(),
                                s.migrationId(),
                                s.kind() == Kind.ROLLBACK ? "ROLLED_BACK" : "APPLIED",
                                Timestamp.from(s.effectiveAt()),
                                Timestamp.from(s.recordedAt()),
                                s.principal())
                        .update());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/projections")
                .javaMigrations(new VersionKeysMigration())
                .load()
                .migrate();
    }

    /** Over one connection: the thousands of queries of these tests each opened their own, which took most of the time. */
    private static VersionHistoryQueryHandler queriesOn(FreshDatabase database) {
        SingleConnectionDataSource connection = ReadModelDatabase.oneConnection(database);
        CONNECTIONS.add(connection);
        JdbcClient jdbc = JdbcClient.create(connection);
        Generations generations = new Generations(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(connection)),
                Clock.fixed(ReadModelDatabase.NOW, ZoneOffset.UTC));
        generations.registerFirst(VersionHistoryReadModel.NAME);
        return new VersionHistoryQueryHandler(jdbc, generations);
    }

    private enum Kind {
        PROPOSE,
        APPLY,
        IMPORT,
        ROLLBACK
    }

    private record Step(
            Kind kind,
            long sequence,
            String environment,
            String migrationId,
            String version,
            Instant recordedAt,
            Instant startedAt,
            String principal) {

        /** When the history says it happened: the apply's start (or its recording), the rollback's recording. */
        Instant effectiveAt() {
            return kind == Kind.ROLLBACK || startedAt == null ? recordedAt : startedAt;
        }

        String description() {
            return (kind == Kind.IMPORT ? "Imported " : "Change ") + migrationId;
        }

        void feed(VersionHistoryProjection projection) {
            switch (kind) {
                case PROPOSE -> projection.on(expand(migrationId, version));
                case APPLY ->
                    projection.on(applied(migrationId, environment, startedAt), sequence, recordedAt, principal);
                case IMPORT ->
                    projection.on(
                            new MigrationRunImported(
                                    DB,
                                    environment,
                                    "flyway_schema_history",
                                    migrationId,
                                    version,
                                    description(),
                                    null,
                                    "imported:flyway-crc32:1",
                                    principal,
                                    startedAt,
                                    10L,
                                    true,
                                    false,
                                    true),
                            sequence,
                            recordedAt);
                case ROLLBACK -> projection.on(rolledBack(migrationId, environment), sequence, recordedAt, principal);
            }
        }
    }

    private record Expected(List<VersionHistoryEntryView> entries, String current) {}
}
