package org.migrationledger.projection.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.applied;
import static org.migrationledger.projection.LedgerEvents.contract;
import static org.migrationledger.projection.LedgerEvents.expand;
import static org.migrationledger.projection.LedgerEvents.registered;
import static org.migrationledger.projection.LedgerEvents.rolledBack;
import static org.migrationledger.projection.ReadModelDatabase.twice;

import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.queries.GetVersionHistory;
import org.migrationledger.api.queries.VersionHistoryEntryView;
import org.migrationledger.api.queries.VersionHistoryView;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.testsupport.FreshPostgresDatabase;

class VersionHistoryProjectionIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final Instant T1 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-03T09:00:00Z");
    private static final Instant T4 = Instant.parse("2026-03-04T09:00:00Z");
    private static final Instant T5 = Instant.parse("2026-03-05T09:00:00Z");

    private static VersionHistoryQueryHandler queries;

    @BeforeAll
    static void feedTheLedger() {
        ReadModelDatabase database = ReadModelDatabase.migrate(POSTGRES.database());
        database.generations().registerFirst(VersionHistoryReadModel.NAME);
        VersionHistoryProjection projection = new VersionHistoryProjection(database.jdbc(), 1);
        queries = new VersionHistoryQueryHandler(database.jdbc(), database.generations());

        twice(() -> projection.on(registered()));
        twice(() -> projection.on(expand("0001_create_items", "1.0.0")));
        twice(() -> projection.on(expand("0002_add_note", "1.1.0")));
        twice(() -> projection.on(contract("0003_drop_legacy", "2.0.0")));
        twice(() -> projection.on(applied("0001_create_items", "production", T1), 5, T1, "ci"));
        twice(() -> projection.on(applied("0002_add_note", "production", T2), 6, T2, "ci"));
        // Reported late and without a start time: the recorded time stands in for the applied time.
        twice(() -> projection.on(applied("0003_drop_legacy", "production", null), 7, T3, "deploy-bot"));
        twice(() -> projection.on(rolledBack("0003_drop_legacy", "production"), 8, T4, "dora"));
        twice(() -> projection.on(applied("0003_drop_legacy", "production", T5), 9, T5, "ci"));
        twice(() -> projection.on(applied("0001_create_items", "staging", T1), 10, T1, "ci"));
    }

    @Test
    void keepsEveryApplyInOrderWithTheSchemaVersionsRowShape() {
        VersionHistoryView view = history(null);

        assertThat(view.currentVersion()).isEqualTo("2.0.0");
        assertThat(view.history())
                .extracting(VersionHistoryEntryView::migrationId)
                .containsExactly("0001_create_items", "0002_add_note", "0003_drop_legacy", "0003_drop_legacy");
        VersionHistoryEntryView first = view.history().get(0);
        assertThat(first)
                .isEqualTo(new VersionHistoryEntryView(
                        "1.0.0",
                        "0001_create_items",
                        T1,
                        "ci",
                        "Change 0001_create_items",
                        true,
                        "APPLIED",
                        null,
                        null));
    }

    @Test
    void marksTheRolledBackApplyAndKeepsIt() {
        VersionHistoryEntryView rolledBack = history(null).history().get(2);

        assertThat(rolledBack.status()).isEqualTo("ROLLED_BACK");
        assertThat(rolledBack.appliedAt()).isEqualTo(T3);
        assertThat(rolledBack.appliedBy()).isEqualTo("deploy-bot");
        assertThat(rolledBack.rolledBackAt()).isEqualTo(T4);
        assertThat(rolledBack.rolledBackBy()).isEqualTo("dora");
        assertThat(rolledBack.rollbackSafe()).isFalse();
    }

    @Test
    void travelsToTheInstantWhenTheContractMigrationHadBeenRolledBack() {
        VersionHistoryView view = history(T4.plusSeconds(60));

        assertThat(view.currentVersion()).isEqualTo("1.1.0");
        assertThat(view.at()).isEqualTo(T4.plusSeconds(60));
        assertThat(view.history())
                .extracting(VersionHistoryEntryView::status)
                .containsExactly("APPLIED", "APPLIED", "ROLLED_BACK");
    }

    @Test
    void travelsToBeforeTheRollbackWasRecorded() {
        VersionHistoryView view = history(T3.plusSeconds(1));

        assertThat(view.currentVersion()).isEqualTo("2.0.0");
        assertThat(view.history()).extracting(VersionHistoryEntryView::status).containsOnly("APPLIED");
    }

    @Test
    void answersNothingAppliedBeforeTheFirstApply() {
        VersionHistoryView view = history(T1.minusSeconds(1));

        assertThat(view.currentVersion()).isNull();
        assertThat(view.history()).isEmpty();
    }

    @Test
    void keepsEnvironmentsApart() {
        VersionHistoryView staging =
                queries.handle(new GetVersionHistory(DB, "staging", null)).orElseThrow();

        assertThat(staging.currentVersion()).isEqualTo("1.0.0");
        assertThat(staging.history()).hasSize(1);
    }

    @Test
    void pagesTheHistoryAndKeepsTheCurrentVersionOfTheWhole() {
        VersionHistoryView whole = history(null);
        VersionHistoryView first = queries.handle(new GetVersionHistory(DB, "production", null, 0, 1))
                .orElseThrow();
        VersionHistoryView last = queries.handle(
                        new GetVersionHistory(DB, "production", null, whole.historyTotal() - 1, 1))
                .orElseThrow();

        assertThat(whole.historyTotal()).isGreaterThan(1);
        assertThat(whole.historyNext()).isNull();
        assertThat(first.history()).containsExactly(whole.history().get(0));
        assertThat(first.historyNext()).isEqualTo(1);
        assertThat(first.currentVersion()).isEqualTo(whole.currentVersion());
        assertThat(last.history()).containsExactly(whole.history().get(whole.historyTotal() - 1));
        assertThat(last.historyNext()).isNull();
    }

    @Test
    void knowsNoUnregisteredDatabaseOrEnvironment() {
        assertThat(queries.handle(new GetVersionHistory("nope", "production", null)))
                .isEmpty();
        assertThat(queries.handle(new GetVersionHistory(DB, "qa", null))).isEmpty();
    }

    private static VersionHistoryView history(Instant at) {
        return queries.handle(new GetVersionHistory(DB, "production", at)).orElseThrow();
    }
}
