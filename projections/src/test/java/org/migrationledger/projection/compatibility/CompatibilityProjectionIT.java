package org.migrationledger.projection.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.applied;
import static org.migrationledger.projection.LedgerEvents.approved;
import static org.migrationledger.projection.LedgerEvents.checksum;
import static org.migrationledger.projection.LedgerEvents.contract;
import static org.migrationledger.projection.LedgerEvents.expand;
import static org.migrationledger.projection.LedgerEvents.failed;
import static org.migrationledger.projection.LedgerEvents.proposed;
import static org.migrationledger.projection.LedgerEvents.registered;
import static org.migrationledger.projection.LedgerEvents.rejected;
import static org.migrationledger.projection.LedgerEvents.release;
import static org.migrationledger.projection.LedgerEvents.rolledBack;
import static org.migrationledger.projection.ReadModelDatabase.twice;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.queries.CompatibilityView;
import org.migrationledger.api.queries.EnvironmentStatusView;
import org.migrationledger.api.queries.GetCompatibility;
import org.migrationledger.api.queries.GetMigration;
import org.migrationledger.api.queries.GridRowView;
import org.migrationledger.api.queries.MigrationView;
import org.migrationledger.api.queries.ReleaseObservationView;
import org.migrationledger.api.queries.ReleaseWindowView;
import org.migrationledger.api.queries.RollbackPairView;
import org.migrationledger.api.queries.RollbackReachView;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.testsupport.FreshPostgresDatabase;

class CompatibilityProjectionIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    private static CompatibilityQueryHandler queries;

    @BeforeAll
    static void feedTheLedger() {
        ReadModelDatabase database = ReadModelDatabase.migrate(POSTGRES.database());
        database.generations().registerFirst(CompatibilityReadModel.NAME);
        CompatibilityProjection projection = new CompatibilityProjection(database.jdbc(), 1);
        queries = new CompatibilityQueryHandler(database.jdbc(), database.generations());

        twice(() -> projection.on(registered()));
        twice(() -> projection.on(expand("0001_create_items", "1.0.0"), 1, T));
        twice(() -> projection.on(expand("0002_add_note", "1.1.0"), 2, T));
        twice(() -> projection.on(contract("0003_drop_legacy", "2.0.0"), 3, T));
        twice(() -> projection.on(expand("0004_add_tags", "2.1.0"), 4, T));
        // Proposed without a down script: every rollback across it is unsafe.
        twice(() -> projection.on(proposed("0005_backfill", "2.2.0", "migrate", false, true, null), 5, T));
        twice(() -> projection.on(expand("0006_too_slow", "2.3.0"), 6, T));
        twice(() -> projection.on(rejected("0006_too_slow"), 7));
        twice(() -> projection.on(approved("0001_create_items", "dora", true), 8, T));
        twice(() -> projection.on(approved("0002_add_note", "carol", false), 9, T));
        twice(() -> projection.on(approved("0002_add_note", "dora", true), 10, T));
        twice(() -> projection.on(applied("0001_create_items", "staging", T), 11, T, "ci"));
        twice(() -> projection.on(applied("0001_create_items", "production", T), 12, T, "ci"));
        twice(() -> projection.on(applied("0002_add_note", "staging", T), 13, T, "ci"));
        twice(() -> projection.on(failed("0002_add_note", "production"), 14, T, "ci"));
        // Applied to production without approval: a fact, recorded anyway.
        twice(() -> projection.on(applied("0003_drop_legacy", "production", T), 15, T, "ci"));
        twice(() -> projection.on(rolledBack("0003_drop_legacy", "production"), 16, T, "dora"));
        twice(() -> projection.on(release("production", "3.0.0", "1.0.0"), 17, T, "ci"));
        twice(() -> projection.on(release("production", "3.1.0", "1.1.0"), 18, T, "ci"));
        twice(() -> projection.on(release("staging", "3.1.0", "1.1.0"), 19, T, "ci"));
        // ci: release 4.0.0 once, then 4.1.0 redeployed more often than the answer lists
        projection.on(release("ci", "4.0.0", "1.0.0"), 100, T, "ci");
        for (int redeploy = 1; redeploy <= ReleaseWindowView.RECENT_OBSERVATIONS + 5; redeploy++) {
            projection.on(release("ci", "4.1.0", "1.1.0"), 100 + redeploy, T, "ci");
        }
    }

    @Test
    void listsTheLatestDeploymentsAndStillFindsAnNMinusOneDeployedBeforeThem() {
        ReleaseWindowView ci = compatibility().releases().stream()
                .filter(w -> w.environment().equals("ci"))
                .findFirst()
                .orElseThrow();

        assertThat(ci.observed()).hasSize(ReleaseWindowView.RECENT_OBSERVATIONS);
        assertThat(ci.observed()).extracting(ReleaseObservationView::release).containsOnly("4.1.0");
        assertThat(ci.observedTotal()).isEqualTo(ReleaseWindowView.RECENT_OBSERVATIONS + 6);
        assertThat(ci.currentRelease()).isEqualTo("4.1.0");
        assertThat(ci.previousRelease())
                .as("N-1, deployed before every deployment listed")
                .isEqualTo("4.0.0");
        assertThat(ci.previousReleaseSchemaVersion()).isEqualTo("1.0.0");
    }

    @Test
    void answersForEveryLiveVersionTheOldestOneSafeRollbacksReach() {
        List<RollbackReachView> reach = compatibility().rollbackReach();

        assertThat(reach)
                .extracting(RollbackReachView::version, RollbackReachView::earliestSafe)
                .containsExactly(
                        tuple("1.0.0", "1.0.0"),
                        tuple("1.1.0", "1.0.0"),
                        tuple("2.0.0", "2.0.0"),
                        tuple("2.1.0", "2.0.0"),
                        tuple("2.2.0", "2.2.0"));
        assertThat(reach.get(0).blockedByMigration()).isNull();
        assertThat(reach.get(3).blockedByMigration()).isEqualTo("0003_drop_legacy");
        assertThat(reach.get(3).blockedBy()).contains("is a contract migration");
        assertThat(reach.get(4).blockedByMigration()).isEqualTo("0005_backfill");
    }

    @Test
    void answersOnlyThePairAskedFor() {
        assertThat(compatibility().rollback()).isEmpty();
        assertThat(queries.handle(new GetCompatibility(DB, "1.1.0", "1.0.0", null, 10))
                        .orElseThrow()
                        .rollback())
                .containsExactly(new RollbackPairView("1.1.0", "1.0.0", true, List.of()));
        assertThat(queries.handle(new GetCompatibility(DB, "2.3.0", "1.0.0", null, 10))
                        .orElseThrow()
                        .rollback())
                .as("a rejected migration is never rolled back to or from")
                .isEmpty();
    }

    @Test
    void pagesTheGridAndTheReachTogether() {
        CompatibilityView first =
                queries.handle(new GetCompatibility(DB, null, null, null, 4)).orElseThrow();
        CompatibilityView second = queries.handle(new GetCompatibility(DB, null, null, first.gridNext(), 4))
                .orElseThrow();

        assertThat(first.grid())
                .extracting(GridRowView::migrationId)
                .containsExactly("0001_create_items", "0002_add_note", "0003_drop_legacy", "0004_add_tags");
        assertThat(first.gridNext()).isEqualTo("0004_add_tags");
        assertThat(first.rollbackReach()).hasSize(4);
        assertThat(second.grid())
                .extracting(GridRowView::migrationId)
                .containsExactly("0005_backfill", "0006_too_slow");
        assertThat(second.gridNext()).isNull();
        assertThat(second.rollbackReach())
                .as("the rejected migration has no reach")
                .extracting(RollbackReachView::version)
                .containsExactly("2.2.0");
    }

    @Test
    void namesEveryMigrationThatMakesARollbackUnsafe() {
        RollbackPairView pair = pair("2.2.0", "1.1.0");

        assertThat(pair.safe()).isFalse();
        assertThat(pair.reasons())
                .containsExactly(
                        "0005_backfill (2.2.0) has no down script.",
                        "0003_drop_legacy (2.0.0) is a contract migration, is breaking, has no down script and is not rollback-safe.");
        assertThat(pair("2.1.0", "2.0.0").safe()).isTrue();
    }

    @Test
    void showsTheStatusOfEveryMigrationInEveryEnvironment() {
        GridRowView row = compatibility().grid().stream()
                .filter(r -> r.migrationId().equals("0002_add_note"))
                .findFirst()
                .orElseThrow();

        assertThat(row.environments())
                .containsExactly(
                        Map.entry("local", "PENDING"),
                        Map.entry("ci", "PENDING"),
                        Map.entry("staging", "APPLIED"),
                        Map.entry("production", "FAILED"));
        assertThat(compatibility().grid().get(2).environments()).containsEntry("production", "ROLLED_BACK");
    }

    @Test
    void showsWhatTheNMinusOneReleaseMayRunAgainst() {
        ReleaseWindowView production = compatibility().releases().stream()
                .filter(w -> w.environment().equals("production"))
                .findFirst()
                .orElseThrow();

        assertThat(production.currentRelease()).isEqualTo("3.1.0");
        assertThat(production.previousRelease()).isEqualTo("3.0.0");
        assertThat(production.previousReleaseCompatibleVersions()).containsExactly("1.0.0", "1.1.0");
        assertThat(production.blockingMigrationId()).isEqualTo("0003_drop_legacy");
        assertThat(production.detail()).contains("cannot run against 2.0.0 or later");
        assertThat(production.observed()).hasSize(2);
        assertThat(production.observedTotal()).isEqualTo(2);
    }

    @Test
    void saysWhenThereIsNoNMinusOneRelease() {
        ReleaseWindowView staging = compatibility().releases().stream()
                .filter(w -> w.environment().equals("staging"))
                .findFirst()
                .orElseThrow();

        assertThat(staging.previousRelease()).isNull();
        assertThat(staging.detail()).contains("no N-1 release yet");
    }

    @Test
    void detailsAMigrationWithApprovalsAnalysisAndStatusPerEnvironment() {
        MigrationView migration =
                queries.handle(new GetMigration(DB, "0002_add_note")).orElseThrow();

        assertThat(migration.state()).isEqualTo("APPROVED");
        assertThat(migration.proposal().checksum()).isEqualTo(checksum("0002_add_note"));
        assertThat(migration.approvals()).hasSize(2);
        assertThat(migration.proposal().analysis().strongestLock()).isEqualTo("SHARE UPDATE EXCLUSIVE");
        assertThat(migration.proposal().analysis().findings()).isEmpty();
        assertThat(migration.proposal().risk().impact()).isEqualTo("LOW");
        assertThat(queries.handle(new GetMigration(DB, "0003_drop_legacy"))
                        .orElseThrow()
                        .proposal()
                        .analysis()
                        .findings())
                .extracting(f -> f.rule())
                .containsExactly("drop-column");
        assertThat(migration.environments())
                .extracting(EnvironmentStatusView::environment, EnvironmentStatusView::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("local", "PENDING"),
                        org.assertj.core.groups.Tuple.tuple("ci", "PENDING"),
                        org.assertj.core.groups.Tuple.tuple("staging", "APPLIED"),
                        org.assertj.core.groups.Tuple.tuple("production", "FAILED"));
    }

    @Test
    void tellsProposedAndRejectedMigrationsApart() {
        assertThat(queries.handle(new GetMigration(DB, "0003_drop_legacy"))
                        .orElseThrow()
                        .state())
                .isEqualTo("PROPOSED");
        MigrationView rejected =
                queries.handle(new GetMigration(DB, "0006_too_slow")).orElseThrow();
        assertThat(rejected.state()).isEqualTo("REJECTED");
        assertThat(rejected.rejectionReason()).isEqualTo("locks the table for too long");
    }

    @Test
    void knowsNoUnregisteredDatabaseOrUnproposedMigration() {
        assertThat(queries.handle(new GetCompatibility("nope"))).isEmpty();
        assertThat(queries.handle(new GetMigration(DB, "0099_never"))).isEmpty();
    }

    private static CompatibilityView compatibility() {
        return queries.handle(new GetCompatibility(DB)).orElseThrow();
    }

    private static RollbackPairView pair(String from, String to) {
        return queries.handle(new GetCompatibility(DB, from, to, null, 10))
                .orElseThrow()
                .rollback()
                .get(0);
    }
}
