package org.migrationledger.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.migrationledger.naming.MigrationIds;

/**
 * Everything the ledger of one database knows that decisions and policy checks read: the promotion path, the
 * migrations in apply order, and how many releases each environment has seen.
 */
final class LedgerState {

    private final List<String> environments = new ArrayList<>();
    private final TreeMap<String, MigrationState> migrations = new TreeMap<>(MigrationIds.APPLY_ORDER);
    private final Map<String, String> migrationIdByVersion = new HashMap<>();
    private final Map<String, Integer> releasesByEnvironment = new HashMap<>();

    List<String> environments() {
        return List.copyOf(environments);
    }

    boolean hasEnvironment(String environment) {
        return environments.contains(environment);
    }

    boolean isFirstEnvironment(String environment) {
        return environments.indexOf(environment) == 0;
    }

    Optional<String> environmentBefore(String environment) {
        int index = environments.indexOf(environment);
        return index > 0 ? Optional.of(environments.get(index - 1)) : Optional.empty();
    }

    String lastEnvironment() {
        return environments.get(environments.size() - 1);
    }

    Optional<MigrationState> migration(String migrationId) {
        return Optional.ofNullable(migrations.get(migrationId));
    }

    Optional<String> migrationWithVersion(String version) {
        return Optional.ofNullable(migrationIdByVersion.get(version));
    }

    /**
     * Migrations that come before the given one in apply order: a view, read on every apply and gate call, where a
     * copy of a long ledger's migrations cost more than the rest of the decision.
     */
    Collection<MigrationState> migrationsBefore(String migrationId) {
        return Collections.unmodifiableCollection(
                migrations.headMap(migrationId, false).values());
    }

    /** Migrations that come after the given one in apply order (a view, as {@link #migrationsBefore}). */
    Collection<MigrationState> migrationsAfter(String migrationId) {
        return Collections.unmodifiableCollection(
                migrations.tailMap(migrationId, false).values());
    }

    /** Whether any fact was ever recorded in the environment; such an environment can't leave the path. */
    boolean hasFactsIn(String environment) {
        return releasesIn(environment) > 0
                || migrations.values().stream().anyMatch(m -> m.in(environment).status() != EnvironmentStatus.PENDING);
    }

    int releasesIn(String environment) {
        return releasesByEnvironment.getOrDefault(environment, 0);
    }

    void replaceEnvironments(List<String> path) {
        environments.clear();
        environments.addAll(path);
    }

    /**
     * A version already held stays with its holder: only a migration that ran unproposed can arrive with a taken
     * version (facts are never refused), and proposals and imports refuse taken versions before they get here.
     */
    void add(MigrationState migration) {
        migrations.put(migration.migrationId(), migration);
        migrationIdByVersion.putIfAbsent(migration.version(), migration.migrationId());
    }

    /** A proposal takes over a migration that ran unproposed, under the proposal's version. */
    void replace(MigrationState previous, MigrationState adopted) {
        migrationIdByVersion.remove(previous.version(), previous.migrationId());
        add(adopted);
    }

    void countRelease(String environment) {
        releasesByEnvironment.merge(environment, 1, Integer::sum);
    }

    /** Everything this state holds, in the stored snapshot shape; the inverse of {@link #restore}. */
    SchemaLedgerSnapshot toSnapshot(String database) {
        return new SchemaLedgerSnapshot(
                database,
                environments,
                migrations.values().stream().map(MigrationState::toSnapshot).toList(),
                releasesByEnvironment);
    }

    /** Fills this (empty) state from a snapshot. */
    void restore(SchemaLedgerSnapshot snapshot) {
        replaceEnvironments(snapshot.environments());
        snapshot.migrations().forEach(migration -> add(new MigrationState(migration)));
        releasesByEnvironment.putAll(snapshot.releasesByEnvironment());
    }

    /** The version of the last migration (in apply order) currently applied in the environment, if any. */
    Optional<String> currentVersion(String environment) {
        return migrations.descendingMap().values().stream()
                .filter(m -> m.in(environment).applied())
                .map(MigrationState::version)
                .findFirst();
    }
}
