package org.migrationledger.projection.compatibility;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.migrationledger.api.queries.RollbackPairView;
import org.migrationledger.api.queries.RollbackReachView;

/**
 * Rollback compatibility in a size that grows with the versions, not their square: for each version the oldest one
 * safe rollbacks reach, and any single pair on request. Rolling back from a version to an older one is safe when no
 * migration above the older one, up to the newer, blocks it ({@link MigrationRow#rollbackBlocker()}).
 */
final class RollbackCompatibility {

    private final List<MigrationRow> live;
    private final Map<MigrationRow, Integer> positions = new IdentityHashMap<>();
    private final int[] earliest;

    /** @param migrations every migration of the database in version order; rejected ones are never rolled back */
    RollbackCompatibility(List<MigrationRow> migrations) {
        this.live = migrations.stream().filter(m -> !m.rejected()).toList();
        this.earliest = new int[live.size()];
        for (int i = 0; i < live.size(); i++) {
            positions.put(live.get(i), i);
        }
        for (int i = 1; i < live.size(); i++) {
            earliest[i] = live.get(i).rollbackBlocker().isEmpty() ? earliest[i - 1] : i;
        }
    }

    /** The reach of each of {@code page}'s migrations that is not rejected, in the page's order. */
    List<RollbackReachView> reach(List<MigrationRow> page) {
        List<RollbackReachView> reach = new ArrayList<>();
        for (MigrationRow row : page) {
            Integer index = positions.get(row);
            if (index == null) {
                continue;
            }
            MigrationRow floor = live.get(earliest[index]);
            boolean blocked = earliest[index] > 0;
            reach.add(new RollbackReachView(
                    row.version(),
                    row.migrationId(),
                    floor.version(),
                    blocked ? floor.migrationId() : null,
                    blocked ? floor.rollbackBlocker() : null));
        }
        return reach;
    }

    /** The pair from {@code from} down to {@code to}; empty unless both are versions here and {@code from} is newer. */
    Optional<RollbackPairView> pair(String from, String to) {
        int newer = indexOf(from);
        int older = indexOf(to);
        if (newer < 0 || older < 0 || older >= newer) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        // In the order a rollback undoes them: the newest migration first.
        for (int i = newer; i > older; i--) {
            String blocker = live.get(i).rollbackBlocker();
            if (!blocker.isEmpty()) {
                reasons.add(blocker);
            }
        }
        return Optional.of(new RollbackPairView(from, to, reasons.isEmpty(), reasons));
    }

    private int indexOf(String version) {
        for (int i = 0; i < live.size(); i++) {
            if (live.get(i).version() != null && live.get(i).version().equals(version)) {
                return i;
            }
        }
        return -1;
    }
}
