package org.migrationledger.projection.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.PATH;
import static org.migrationledger.projection.LedgerEvents.applied;
import static org.migrationledger.projection.LedgerEvents.proposed;
import static org.migrationledger.projection.LedgerEvents.registered;
import static org.migrationledger.projection.LedgerEvents.rejected;
import static org.migrationledger.projection.LedgerEvents.release;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.queries.CompatibilityView;
import org.migrationledger.api.queries.GetCompatibility;
import org.migrationledger.api.queries.ReleaseWindowView;
import org.migrationledger.api.queries.RollbackPairView;
import org.migrationledger.api.queries.RollbackReachView;
import org.migrationledger.naming.VersionOrder;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.projection.RowsTouched;
import org.migrationledger.testsupport.FreshPostgresDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A long history costs a page: 2,000 migrations (every 50th without a down script, every 97th rejected, one breaking),
 * all applied to ci and staging, and a release deployed to local with each, read deep into the version order. What the statements of an answer touch is counted
 * from PostgreSQL's own plans ({@link RowsTouched}), not timed; reading the whole list would touch thousands of rows.
 */
class CompatibilityAtScaleIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final int MIGRATIONS = 2_000;
    private static final int LIMIT = 200;
    private static final int BREAKING = 1_500;
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static SingleConnectionDataSource connection;
    private static JdbcClient jdbc;
    private static CompatibilityQueryHandler queries;

    @BeforeAll
    static void proposeTwoThousandMigrations() {
        ReadModelDatabase database = ReadModelDatabase.migrate(POSTGRES.database());
        database.generations().registerFirst(CompatibilityReadModel.NAME);
        connection = ReadModelDatabase.oneConnection(POSTGRES.database());
        jdbc = JdbcClient.create(connection);
        CompatibilityProjection projection = new CompatibilityProjection(jdbc, 1);
        projection.on(registered());
        long sequence = 1;
        for (int i = 1; i <= MIGRATIONS; i++) {
            String id = id(i);
            String down = i % 50 == 0 ? null : "alter table items drop column c;";
            projection.on(proposed(id, version(i), "expand", i == BREAKING, true, down), sequence++, T);
            if (i % 97 == 0) {
                projection.on(rejected(id), sequence++);
            }
            projection.on(applied(id, "ci", T), sequence++, T, "ci");
            projection.on(applied(id, "staging", T), sequence++, T, "ci");
        }
        // production: N-1 below the breaking migration; staging: above it; ci: ten versions before the newest
        deployNMinusOneThenN(projection, "production", "1.5.0", sequence);
        deployNMinusOneThenN(projection, "staging", version(1_600), sequence + 2);
        deployNMinusOneThenN(projection, "ci", version(MIGRATIONS - 10), sequence + 4);
        // local: a release per migration, as the benchmark's pipelines report them
        for (int i = 1; i <= MIGRATIONS; i++) {
            projection.on(release("local", "6.%d.0".formatted(i), version(i)), sequence + 5 + i, T, "ci");
        }
        // As autovacuum would: the planner sees the table's real size.
        jdbc.sql("analyze").update();
        queries = new CompatibilityQueryHandler(jdbc, database.generations());
    }

    @AfterAll
    static void closeTheConnection() {
        connection.destroy();
    }

    @Test
    void answersAPageDeepInTheVersionOrder() {
        CompatibilityView page = queries.handle(new GetCompatibility(DB, null, null, id(BREAKING), LIMIT))
                .orElseThrow();

        assertThat(page.grid()).hasSize(LIMIT);
        assertThat(page.grid().get(0).migrationId()).isEqualTo(id(BREAKING + 1));
        assertThat(page.grid().get(0).environments()).containsEntry("staging", "APPLIED");
        // Two of them (1552 and 1649) are rejected: in the grid, without a reach.
        assertThat(page.gridNext()).isEqualTo(id(BREAKING + LIMIT));
        assertThat(page.rollbackReach()).hasSize(LIMIT - 2);
        RollbackReachView reach = page.rollbackReach().get(0);
        assertThat(reach.earliestSafe()).isEqualTo(version(BREAKING));
        assertThat(reach.blockedBy()).isEqualTo(id(BREAKING) + " (1.1500.0) is breaking and has no down script.");
    }

    @Test
    void listsAtMostAHundredVersionsOfAnNMinusOneWindowAndSaysSo() {
        Map<String, ReleaseWindowView> windows =
                queries.handle(new GetCompatibility(DB)).orElseThrow().releases().stream()
                        .collect(Collectors.toMap(ReleaseWindowView::environment, Function.identity()));

        ReleaseWindowView blocked = windows.get("production");
        assertThat(blocked.previousReleaseCompatibleVersions()).hasSize(ReleaseWindowView.MAX_COMPATIBLE_VERSIONS);
        // 1.5.0, then 99 of the versions above it: 1.97.0 is rejected.
        assertThat(blocked.previousReleaseCompatibleVersions().get(99)).isEqualTo(version(105));
        assertThat(blocked.previousReleaseCompatibleVersionsTruncated()).isTrue();
        assertThat(blocked.blockingMigrationId()).isEqualTo(id(BREAKING));
        assertThat(blocked.detail())
                .endsWith(", 1.105.0 (the first 100 listed) and every later version before 1.1500.0; " + id(BREAKING)
                        + " (1.1500.0) is breaking, so N-1 cannot run against 1.1500.0 or later.");
        ReleaseWindowView open = windows.get("staging");
        assertThat(open.previousReleaseCompatibleVersionsTruncated()).isTrue();
        assertThat(open.blockingMigrationId()).isNull();
        assertThat(open.detail()).endsWith(", 1.1700.0 (the first 100 listed) and every later version known so far.");
        ReleaseWindowView recent = windows.get("ci");
        assertThat(recent.previousReleaseCompatibleVersions()).hasSize(11);
        assertThat(recent.previousReleaseCompatibleVersionsTruncated()).isFalse();
        assertThat(recent.detail())
                .isEqualTo("Release 5.0.0 (N-1) may run against schema "
                        + String.join(", ", recent.previousReleaseCompatibleVersions())
                        + " and every later version known so far.");
    }

    @Test
    void readsAPageAndTheReachOfEachOfItsRowsFromAboutAPageOfRows() {
        byte[] after = VersionOrder.sortKey(version(BREAKING));
        RowsTouched start = RowsTouched.of(named(VersionOrderedMigrations.AFTER).param("after", id(BREAKING)));
        RowsTouched page = RowsTouched.of(named(VersionOrderedMigrations.PAGE)
                .param("afterKey", after)
                .param("afterId", id(BREAKING))
                .param("limit", LIMIT + 1));
        String[] ids = IntStream.rangeClosed(BREAKING + 1, BREAKING + LIMIT)
                .mapToObj(CompatibilityAtScaleIT::id)
                .toArray(String[]::new);
        RowsTouched statuses =
                RowsTouched.of(named(CompatibilityQueryHandler.STATUSES).param("ids", ids));

        assertThat(start.rows()).as(start.plan()).isEqualTo(1);
        // The page's rows, the first migration, and per row at most its one blocker.
        assertThat(page.rows()).as(page.plan()).isLessThanOrEqualTo(2 * (LIMIT + 1) + 1);
        // Per row of the page, its own row, and per environment its status (the environments are read once).
        assertThat(statuses.rows()).as(statuses.plan()).isLessThanOrEqualTo(LIMIT * (PATH.size() + 1) + PATH.size());
        assertThat(statuses.sequentiallyScanned())
                .as(statuses.plan())
                .doesNotContain("compatibility_migration", "compatibility_status");
        assertThat(page.sequentiallyScanned()).as(page.plan()).isEmpty();
    }

    @Test
    void judgesAPairFromItsTwoVersionsAndTheBlockersBetweenThem() {
        String from = version(1_900);
        String to = version(1_000);
        RowsTouched pair = RowsTouched.of(named(VersionOrderedMigrations.PAIR)
                .param("from", from)
                .param("fromKey", VersionOrder.sortKey(from))
                .param("to", to)
                .param("toKey", VersionOrder.sortKey(to)));
        RollbackPairView answer = queries.handle(new GetCompatibility(DB, from, to, null, 1))
                .orElseThrow()
                .rollback()
                .get(0);

        assertThat(answer.reasons()).hasSize(18);
        // The two versions and the 18 blockers between them, not the 900 migrations.
        assertThat(pair.rows()).as(pair.plan()).isLessThanOrEqualTo(2 + 18);
    }

    @Test
    void opensAnNMinusOneWindowFromTheFirstBlockerAndAtMostAHundredVersions() {
        byte[] above = VersionOrder.sortKey("1.5.0");
        RowsTouched blocker =
                RowsTouched.of(named(ReleaseWindows.FIRST_BLOCKING).param("above", above));
        RowsTouched versions = RowsTouched.of(named(ReleaseWindows.COMPATIBLE_BELOW_BLOCKING)
                .param("above", above)
                .param("blockingKey", VersionOrder.sortKey(version(BREAKING)))
                .param("blockingId", id(BREAKING))
                .param("limit", ReleaseWindowView.MAX_COMPATIBLE_VERSIONS));
        RowsTouched open = RowsTouched.of(named(ReleaseWindows.COMPATIBLE)
                .param("above", VersionOrder.sortKey(version(1_600)))
                .param("limit", ReleaseWindowView.MAX_COMPATIBLE_VERSIONS));

        assertThat(blocker.rows()).as(blocker.plan()).isEqualTo(1);
        assertThat(versions.rows()).as(versions.plan()).isLessThanOrEqualTo(ReleaseWindowView.MAX_COMPATIBLE_VERSIONS);
        assertThat(open.rows()).as(open.plan()).isLessThanOrEqualTo(ReleaseWindowView.MAX_COMPATIBLE_VERSIONS);
    }

    @Test
    void listsTheLatestDeploymentsPerEnvironmentAndTheirCountFromTheirTopAndATally() {
        ReleaseWindowView local = queries.handle(new GetCompatibility(DB))
                .orElseThrow()
                .releases()
                .get(0);
        RowsTouched recent =
                RowsTouched.of(named(ReleaseWindows.RECENT).param("recent", ReleaseWindowView.RECENT_OBSERVATIONS));

        assertThat(local.environment()).isEqualTo("local");
        assertThat(local.observedTotal()).isEqualTo(MIGRATIONS);
        assertThat(local.observed()).hasSize(ReleaseWindowView.RECENT_OBSERVATIONS);
        assertThat(local.observed()
                        .get(ReleaseWindowView.RECENT_OBSERVATIONS - 1)
                        .release())
                .isEqualTo("6.2000.0");
        assertThat(local.previousRelease()).isEqualTo("6.1999.0");
        // Per environment its tally and its latest deployments, not the 2,006 deployments.
        assertThat(recent.rows())
                .as(recent.plan())
                .isLessThanOrEqualTo(PATH.size() * (ReleaseWindowView.RECENT_OBSERVATIONS + 1));
    }

    private static JdbcClient.StatementSpec named(String sql) {
        return jdbc.sql(RowsTouched.explain(sql)).param("generation", 1).param("database", DB);
    }

    /** N-1 observed with {@code schemaVersion}, then the current release. */
    private static void deployNMinusOneThenN(
            CompatibilityProjection projection, String environment, String schemaVersion, long at) {
        projection.on(release(environment, "5.0.0", schemaVersion), at, T, "ci");
        projection.on(release(environment, "5.1.0", version(MIGRATIONS)), at + 1, T, "ci");
    }

    private static String id(int number) {
        return "%05d_add_column_c%d".formatted(number, number);
    }

    private static String version(int number) {
        return "1.%d.0".formatted(number);
    }
}
