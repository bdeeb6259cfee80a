package org.migrationledger.projection.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.applied;
import static org.migrationledger.projection.LedgerEvents.approved;
import static org.migrationledger.projection.LedgerEvents.expand;
import static org.migrationledger.projection.LedgerEvents.failed;
import static org.migrationledger.projection.LedgerEvents.registered;
import static org.migrationledger.projection.LedgerEvents.rolledBack;
import static org.migrationledger.projection.ReadModelDatabase.twice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.api.queries.DriftReportView;
import org.migrationledger.api.queries.FindDrift;
import org.migrationledger.api.queries.FindOpenDrift;
import org.migrationledger.api.queries.FindOpenDriftCounts;
import org.migrationledger.api.queries.OpenDriftCountsView;
import org.migrationledger.api.queries.OpenDriftView;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.testsupport.FreshPostgresDatabase;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A ledger whose pipelines broke policy in every way the drift report knows, fed as the processor would: in ledger
 * order, each event twice.
 */
class DriftProjectionIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant NOW = T.plus(Duration.ofDays(10));

    private static ReadModelDatabase database;
    private static DriftQueryHandler queries;
    private static long sequence;

    @BeforeAll
    static void feedTheLedger() {
        database = ReadModelDatabase.migrate(POSTGRES.database());
        database.generations().registerFirst(DriftReadModel.NAME);
        DriftProjection projection = new DriftProjection(database.jdbc(), 1);
        queries = handlerAt(NOW, Duration.ofDays(7));

        twice(() -> projection.on(registered()));
        for (String id : List.of("0001_a", "0002_b", "0003_c", "0004_d", "0005_e", "0006_f", "0007_g")) {
            long seq = ++sequence;
            String version = "1." + id.charAt(3) + ".0";
            twice(() -> projection.on(expand(id, version), seq, T));
        }
        approve(projection, "0001_a", T);
        approve(projection, "0002_b", T);
        approve(projection, "0003_c", T.plus(Duration.ofDays(5)));
        approve(projection, "0006_f", T);
        // 0001_a went the whole way properly.
        for (String env : List.of("local", "ci", "staging", "production")) {
            apply(projection, applied("0001_a", env, T));
        }
        // 0002_b skipped staging, and production still waits for nothing from it: missing in an earlier environment,
        // and production runs ahead of staging.
        apply(projection, applied("0002_b", "local", T));
        apply(projection, applied("0002_b", "ci", T));
        apply(projection, applied("0002_b", "production", T));
        // 0004_d ran in ci without approval and with a script nobody proposed.
        apply(projection, applied("0004_d", "local", T));
        apply(projection, applied("0004_d", "ci", T, "f".repeat(64), List.of()));
        // 0003_c arrived in local and ci after 0004_d (higher version) was there: out of order. Approved 5 days ago:
        // not too
        // long.
        apply(projection, applied("0003_c", "local", T));
        apply(projection, applied("0003_c", "ci", T));
        // 0005_e failed in staging and nobody resolved it; 0006_f failed in ci and was then applied.
        apply(projection, failed("0005_e", "staging"));
        apply(projection, failed("0006_f", "local"));
        apply(projection, applied("0006_f", "local", T));
        // 0007_g failed in local and was rolled back: resolved.
        apply(projection, failed("0007_g", "local"));
        apply(projection, rolledBack("0007_g", "local"));
    }

    @Test
    void reportsEveryKindOfLedgerDriftWithASentence() {
        List<DriftFindingView> findings = report();

        assertThat(findings)
                .extracting(DriftFindingView::kind, DriftFindingView::environment, DriftFindingView::migrationId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("PROMOTION_ORDER", "production", null),
                        org.assertj.core.groups.Tuple.tuple("MISSING_IN_EARLIER_ENVIRONMENT", "production", "0002_b"),
                        org.assertj.core.groups.Tuple.tuple("UNAPPROVED_APPLY", "ci", "0004_d"),
                        org.assertj.core.groups.Tuple.tuple("CHECKSUM_MISMATCH", "ci", "0004_d"),
                        org.assertj.core.groups.Tuple.tuple("OUT_OF_ORDER", "local", "0003_c"),
                        org.assertj.core.groups.Tuple.tuple("OUT_OF_ORDER", "ci", "0003_c"),
                        org.assertj.core.groups.Tuple.tuple("FAILED_UNRESOLVED", "staging", "0005_e"),
                        org.assertj.core.groups.Tuple.tuple("PENDING_TOO_LONG", "production", "0006_f"));
    }

    @Test
    void writesFindingsAPersonUnderstands() {
        assertThat(finding("MISSING_IN_EARLIER_ENVIRONMENT").detail())
                .isEqualTo("0002_b is applied in production but not in staging, which comes before it in the promotion"
                        + " path.");
        assertThat(finding("MISSING_IN_EARLIER_ENVIRONMENT").severity()).isEqualTo("HIGH");
        assertThat(finding("PROMOTION_ORDER").detail())
                .isEqualTo("production runs schema 1.2.0, ahead of staging (1.1.0), which comes before it in the"
                        + " promotion path.");
        assertThat(finding("PENDING_TOO_LONG").detail())
                .isEqualTo("0006_f was approved 10 days ago (2026-03-01T09:00:00Z) and is still not applied in"
                        + " production; the threshold is 7 days.");
        assertThat(finding("CHECKSUM_MISMATCH").detail()).startsWith("0004_d ran in ci with checksum ffffffffffff…");
        assertThat(finding("FAILED_UNRESOLVED").detail()).contains("ERROR: lock timeout");
    }

    @Test
    void judgesTimeAgainstTheClockAtQueryTime() {
        DriftQueryHandler earlier = handlerAt(T.plus(Duration.ofDays(3)), Duration.ofDays(7));
        DriftQueryHandler stricter = handlerAt(NOW, Duration.ofDays(4));

        assertThat(kinds(earlier)).doesNotContain("PENDING_TOO_LONG");
        assertThat(stricter.handle(new FindDrift(DB)).orElseThrow().findings())
                .filteredOn(f -> f.kind().equals("PENDING_TOO_LONG"))
                .extracting(DriftFindingView::migrationId)
                .containsExactly("0003_c", "0006_f");
    }

    @Test
    void blocksAGatedEnvironmentOnlyForKindsThatBlock() {
        OpenDriftView production = queries.handle(new FindOpenDrift(DB, "production"));
        OpenDriftView ci = queries.handle(new FindOpenDrift(DB, "ci"));

        assertThat(production.gated()).isTrue();
        assertThat(production.blocking())
                .extracting(DriftFindingView::kind)
                .containsExactlyInAnyOrder("PROMOTION_ORDER", "MISSING_IN_EARLIER_ENVIRONMENT");
        assertThat(production.blocksRollout()).isTrue();
        assertThat(ci.gated()).isFalse();
        assertThat(ci.blocksRollout()).isFalse();
        assertThat(ci.blocking()).extracting(DriftFindingView::kind).doesNotContain("OUT_OF_ORDER");
    }

    @Test
    void aGateAsksOtherDriftSourcesOnlyWhenOneOfTheirKindsBlocks() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        DriftSource structural = new DriftSource() {
            @Override
            public java.util.Set<String> kinds() {
                return java.util.Set.of("STRUCTURAL");
            }

            @Override
            public List<DriftFindingView> findings(String database) {
                asked.incrementAndGet();
                return List.of(new DriftFindingView("STRUCTURAL", "HIGH", "production", null, "column added by hand"));
            }
        };
        DriftQueryHandler byDefault = new DriftQueryHandler(
                database.jdbc(),
                database.generations(),
                DriftSettings.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                new DataSourceTransactionManager(database.dataSource()),
                List.of(structural),
                List.of());
        DriftQueryHandler strict = new DriftQueryHandler(
                database.jdbc(),
                database.generations(),
                new DriftSettings(Duration.ofDays(7), List.of("production"), List.of("STRUCTURAL")),
                Clock.fixed(NOW, ZoneOffset.UTC),
                new DataSourceTransactionManager(database.dataSource()),
                List.of(structural),
                List.of());

        assertThat(byDefault.handle(new FindOpenDrift(DB, "production")).blocking())
                .extracting(DriftFindingView::kind)
                .doesNotContain("STRUCTURAL");
        assertThat(asked).hasValue(0);
        assertThat(strict.handle(new FindOpenDrift(DB, "production")).blocking())
                .extracting(DriftFindingView::kind)
                .containsExactly("STRUCTURAL");
        assertThat(asked).hasValue(1);
        assertThat(byDefault.handle(new FindDrift(DB)).orElseThrow().findings())
                .extracting(DriftFindingView::kind)
                .contains("STRUCTURAL");
    }

    @Test
    void answersInPagesThatTogetherAreTheReport() {
        DriftReportView first = queries.handle(new FindDrift(DB, 0, 3)).orElseThrow();
        DriftReportView second = queries.handle(new FindDrift(DB, 3, 3)).orElseThrow();
        DriftReportView third = queries.handle(new FindDrift(DB, 6, 3)).orElseThrow();

        assertThat(first.total()).isEqualTo(8);
        assertThat(first.findings()).hasSize(3);
        assertThat(third.findings()).hasSize(2);
        List<DriftFindingView> pages = new java.util.ArrayList<>(first.findings());
        pages.addAll(second.findings());
        pages.addAll(third.findings());
        assertThat(pages).containsExactlyElementsOf(report());
    }

    @Test
    void readsTheStoredFindingsNotTheHistory() {
        // Facts the projection did not judge (written behind its back) change nothing: reads do not replay history.
        database.jdbc().sql("""
                        insert into drift_fact (generation, database_name, sequence_number, environment, migration_id,
                        kind, checksum, recorded_at) values (1, ?, 9999, 'staging', '0007_g', 'FAILED', null, now())""").param(DB).update();
        try {
            assertThat(report()).extracting(DriftFindingView::migrationId).doesNotContain("0007_g");
            assertThat(database.jdbc()
                            .sql("select count(*) from drift_finding where database_name = ?")
                            .param(DB)
                            .query(Long.class)
                            .single())
                    // the eight open findings, and 0003_c pending but not yet for too long
                    .isEqualTo(9);
        } finally {
            database.jdbc()
                    .sql("delete from drift_fact where database_name = ? and sequence_number = 9999")
                    .param(DB)
                    .update();
        }
    }

    @Test
    void judgesADatabaseOfAnOlderGenerationOnItsFirstRead() {
        List<DriftFindingView> judged = report();
        database.jdbc()
                .sql("delete from drift_finding where database_name = ?")
                .param(DB)
                .update();
        database.jdbc()
                .sql("insert into drift_unjudged (generation, database_name) values (1, ?)")
                .param(DB)
                .update();

        assertThat(queries.handle(new FindOpenDrift(DB, "production")).blocking())
                .extracting(DriftFindingView::kind)
                .containsExactlyInAnyOrder("PROMOTION_ORDER", "MISSING_IN_EARLIER_ENVIRONMENT");
        assertThat(report()).containsExactlyElementsOf(judged);
        assertThat(database.jdbc()
                        .sql("select count(*) from drift_unjudged")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void countsOpenDriftBySeverityForAPageOfDatabases() {
        OpenDriftCountsView counts = queries.handle(new FindOpenDriftCounts(List.of(DB, "nope")));

        assertThat(counts.bySeverity()).containsOnlyKeys(DB);
        assertThat(counts.bySeverity().get(DB))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("HIGH", 4L, "MEDIUM", 3L, "LOW", 1L));
    }

    @Test
    void knowsNoUnregisteredDatabase() {
        assertThat(queries.handle(new FindDrift("nope"))).isEmpty();
    }

    private static DriftQueryHandler handlerAt(Instant now, Duration threshold) {
        DriftSettings settings = new DriftSettings(
                threshold, List.of("production"), DriftSettings.defaults().gateKinds());
        return new DriftQueryHandler(
                database.jdbc(),
                database.generations(),
                settings,
                Clock.fixed(now, ZoneOffset.UTC),
                new DataSourceTransactionManager(database.dataSource()));
    }

    private static List<DriftFindingView> report() {
        return queries.handle(new FindDrift(DB)).orElseThrow().findings();
    }

    private static List<String> kinds(DriftQueryHandler handler) {
        return handler.handle(new FindDrift(DB)).orElseThrow().findings().stream()
                .map(DriftFindingView::kind)
                .toList();
    }

    private static DriftFindingView finding(String kind) {
        return report().stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static void approve(DriftProjection projection, String migrationId, Instant at) {
        long seq = ++sequence;
        twice(() -> projection.on(approved(migrationId, "dora", true), seq, at));
    }

    private static void apply(DriftProjection projection, Object fact) {
        long seq = ++sequence;
        if (fact instanceof org.migrationledger.api.events.MigrationApplied e) {
            twice(() -> projection.on(e, seq, T));
        } else if (fact instanceof org.migrationledger.api.events.MigrationApplyFailed e) {
            twice(() -> projection.on(e, seq, T));
        } else {
            twice(() -> projection.on((org.migrationledger.api.events.MigrationRolledBack) fact, seq, T));
        }
    }
}
