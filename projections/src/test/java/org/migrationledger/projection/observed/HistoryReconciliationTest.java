package org.migrationledger.projection.observed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.SchemaSnapshotObserved.HistoryRow;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.projection.observed.HistoryReconciliation.Fact;

/** The history observed at sequence 10 is reconciled with what the ledger knows now, before and after it. */
class HistoryReconciliationTest {

    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
    private static final long OBSERVED = 10;

    @Test
    void aRunImportedAfterTheObservationExplainsTheMigrationTheTargetRan() {
        List<HistoryRow> history = List.of(row(1, "0001_items"), row(2, "0002_hotfix"));
        List<Fact> facts = List.of(applied("0001_items", 3), applied("0002_hotfix", 12));

        assertThat(findings(history, facts)).isEmpty();
        assertThat(findings(history, facts.subList(0, 1)))
                .extracting(DriftFindingView::kind, DriftFindingView::migrationId)
                .containsExactly(tuple("UNRECORDED_MIGRATION", "0002_hotfix"));
    }

    @Test
    void anApplyRecordedAfterTheObservationIsNotMissingFromIt() {
        List<HistoryRow> history = List.of(row(1, "0001_items"));

        assertThat(findings(history, List.of(applied("0001_items", 3), applied("0002_next", 11))))
                .isEmpty();
    }

    @Test
    void aRollbackRecordedAfterTheObservationSettlesWhatTheTargetLacks() {
        List<HistoryRow> history = List.of(row(1, "0001_items"));
        List<Fact> facts = List.of(applied("0001_items", 3), applied("0002_gone", 4));

        assertThat(findings(history, facts))
                .extracting(DriftFindingView::kind, DriftFindingView::migrationId)
                .containsExactly(tuple("MISSING_IN_TARGET", "0002_gone"));
        assertThat(findings(history, List.of(facts.get(0), facts.get(1), new Fact("0002_gone", "ROLLED_BACK", 11))))
                .isEmpty();
    }

    @Test
    void aRollbackAfterTheObservationDoesNotMakeWhatTheTargetHeldUnrecorded() {
        List<HistoryRow> history = List.of(row(1, "0001_items"));

        assertThat(findings(history, List.of(applied("0001_items", 3), new Fact("0001_items", "ROLLED_BACK", 11))))
                .isEmpty();
    }

    private static List<DriftFindingView> findings(List<HistoryRow> history, List<Fact> facts) {
        return HistoryReconciliation.findings("staging", T, OBSERVED, history, facts, Set.of());
    }

    private static Fact applied(String migrationId, long sequence) {
        return new Fact(migrationId, "APPLIED", sequence);
    }

    private static HistoryRow row(int rank, String migrationId) {
        return new HistoryRow(
                rank, String.valueOf(rank), "m", "SQL", "V" + rank + "__m.sql", 42, "deploy", T, 12, true, migrationId);
    }
}
