package org.migrationledger.projection.compatibility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.migrationledger.api.queries.RollbackPairView;
import org.migrationledger.api.queries.RollbackReachView;
import org.migrationledger.naming.VersionOrder;

/**
 * The reference the indexed reads are held to: rollback compatibility and the N-1 window computed in memory over every
 * migration of a database, as the query handler computed them before it read a page (the reach of each version in one
 * pass, a pair by walking the versions between, the window by walking every version above N-1's).
 */
final class RollbackCompatibility {

    /** A migration as the reference knows it: its classification, and whether it is rejected now. */
    record Known(MigrationClassification classification, boolean rejected) {

        String migrationId() {
            return classification.migrationId();
        }

        String version() {
            return classification.version();
        }
    }

    /** An N-1 window: every version it allows, the one N-1 was observed with first, and the migration that ends it. */
    record Window(List<String> compatible, MigrationClassification blocking) {}

    static final Comparator<Known> VERSION_ORDER =
            Comparator.comparing(Known::version, VersionOrder.INSTANCE).thenComparing(Known::migrationId);

    private final List<Known> live;
    private final int[] earliest;

    /** @param migrations every migration of the database, in any order */
    RollbackCompatibility(List<Known> migrations) {
        this.live = migrations.stream()
                .filter(m -> !m.rejected())
                .sorted(VERSION_ORDER)
                .toList();
        this.earliest = new int[live.size()];
        for (int i = 1; i < live.size(); i++) {
            earliest[i] = live.get(i).classification().rollbackBlocker().isEmpty() ? earliest[i - 1] : i;
        }
    }

    /** The reach of every migration that is not rejected, in version order. */
    List<RollbackReachView> reach() {
        List<RollbackReachView> reach = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            Known row = live.get(i);
            MigrationClassification floor = live.get(earliest[i]).classification();
            boolean blocked = earliest[i] > 0;
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
            String blocker = live.get(i).classification().rollbackBlocker();
            if (!blocker.isEmpty()) {
                reasons.add(blocker);
            }
        }
        return Optional.of(new RollbackPairView(from, to, reasons.isEmpty(), reasons));
    }

    /** The window of a release observed with {@code schemaVersion}, uncapped. */
    Window window(String schemaVersion) {
        List<String> compatible = new ArrayList<>(List.of(schemaVersion));
        for (Known migration : live) {
            if (VersionOrder.INSTANCE.compare(migration.version(), schemaVersion) <= 0) {
                continue;
            }
            MigrationClassification classification = migration.classification();
            if (classification.breaking() || classification.isContract()) {
                return new Window(compatible, classification);
            }
            compatible.add(migration.version());
        }
        return new Window(compatible, null);
    }

    private int indexOf(String version) {
        for (int i = 0; i < live.size(); i++) {
            if (live.get(i).version().equals(version)) {
                return i;
            }
        }
        return -1;
    }
}
