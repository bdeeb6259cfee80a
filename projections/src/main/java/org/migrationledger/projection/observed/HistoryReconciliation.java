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
 * Reconciles an environment's {@code flyway_schema_history}, as observed, with what the ledger had recorded there
 * when the observation arrived: migrations the target ran that the ledger never heard of
 * ({@code UNRECORDED_MIGRATION}), and migrations the ledger recorded that the target does not hold
 * ({@code MISSING_IN_TARGET}). Pure: no I/O.
 */
final class HistoryReconciliation {

    /** One of the ledger's facts about the environment, in ledger order. */
    record Fact(String migrationId, String kind) {}

    private HistoryReconciliation() {}

    static List<DriftFindingView> findings(
            String environment,
            Instant observedAt,
            List<HistoryRow> history,
            List<Fact> ledgerFacts,
            Set<String> proposed) {
        Map<String, HistoryRow> inTarget = appliedInTarget(history);
        Set<String> inLedger = appliedInLedger(ledgerFacts);
        List<DriftFindingView> findings = new ArrayList<>();
        inTarget.forEach((migrationId, row) -> {
            if (!inLedger.contains(migrationId)) {
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
        inLedger.stream()
                .filter(migrationId -> !inTarget.containsKey(migrationId))
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
            if (fact.kind().equals("APPLIED")) {
                applied.add(fact.migrationId());
            } else {
                applied.remove(fact.migrationId());
            }
        }
        return applied;
    }
}
