package org.migrationledger.projection.observed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.migrationledger.api.events.SchemaSnapshotObserved.HistoryRow;
import org.migrationledger.api.queries.DriftFindingView;

/**
 * Reconciles an environment's {@code flyway_schema_history}, as observed, with everything the ledger knows about the
 * environment now: migrations the target ran that the ledger has no apply of ({@code UNRECORDED_MIGRATION}; an apply
 * or an imported run recorded after the observation explains it too), and migrations the ledger recorded as applied
 * before the observation that the target does not hold and that the ledger still counts as applied
 * ({@code MISSING_IN_TARGET}; an apply recorded after the observation cannot be expected in it). Pure: no I/O.
 */
final class HistoryReconciliation {

    /** One of the ledger's facts about the environment, in ledger order. */
    record Fact(String migrationId, String kind, long sequence) {

        boolean applied() {
            return kind.equals("APPLIED");
        }
    }

    private HistoryReconciliation() {}

    static List<DriftFindingView> findings(
            String environment,
            Instant observedAt,
            long observedSequence,
            List<HistoryRow> history,
            List<Fact> ledgerFacts,
            Set<String> proposed) {
        Map<String, HistoryRow> inTarget = appliedInTarget(history);
        List<Fact> before = ledgerFacts.stream()
                .filter(fact -> fact.sequence() < observedSequence)
                .toList();
        Set<String> appliedBefore = appliedInLedger(before);
        Set<String> appliedNow = appliedInLedger(ledgerFacts);
        Set<String> explained = new LinkedHashSet<>(appliedBefore);
        ledgerFacts.stream()
                .filter(fact -> fact.sequence() > observedSequence && fact.applied())
                .forEach(fact -> explained.add(fact.migrationId()));
        List<DriftFindingView> findings = new ArrayList<>();
        inTarget.forEach((migrationId, row) -> {
            if (!explained.contains(migrationId)) {
                findings.add(new DriftFindingView(
                        "UNRECORDED_MIGRATION",
                        "HIGH",
                        environment,
                        migrationId,
                        "%s ran in %s (installed %s by %s, per its flyway_schema_history observed at %s), but the ledger"
                                        .formatted(
                                                row.script(),
                                                environment,
                                                row.installedOn(),
                                                row.installedBy(),
                                                observedAt)
                                + (proposed.contains(migrationId)
                                        ? " has no record of it being applied there."
                                        : " never saw it: it was not even proposed.")));
            }
        });
        appliedBefore.stream()
                .filter(migrationId -> appliedNow.contains(migrationId) && !inTarget.containsKey(migrationId))
                .forEach(migrationId -> findings.add(new DriftFindingView(
                        "MISSING_IN_TARGET",
                        "HIGH",
                        environment,
                        migrationId,
                        "The ledger recorded %s as applied in %s, but the flyway_schema_history observed there at %s"
                                        .formatted(migrationId, environment, observedAt)
                                + " does not hold it.")));
        return findings;
    }

    /** Versioned migrations the history says are in place: applied successfully and not undone since. */
    private static Map<String, HistoryRow> appliedInTarget(List<HistoryRow> history) {
        Map<String, HistoryRow> applied = new LinkedHashMap<>();
        for (HistoryRow row : history) {
            if (row.migrationId() == null) {
                continue;
            }
            if (row.type() != null && row.type().startsWith("UNDO")) {
                applied.remove(row.migrationId());
            } else if (row.success()) {
                applied.put(row.migrationId(), row);
            }
        }
        return applied;
    }

    private static Set<String> appliedInLedger(List<Fact> facts) {
        Set<String> applied = new LinkedHashSet<>();
        for (Fact fact : facts) {
            if (fact.applied()) {
                applied.add(fact.migrationId());
            } else {
                applied.remove(fact.migrationId());
            }
        }
        return applied;
    }
}
