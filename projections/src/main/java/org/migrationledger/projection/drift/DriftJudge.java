package org.migrationledger.projection.drift;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.naming.VersionOrder;

/**
 * Replays a database's decisions and facts in ledger order and judges what drift they leave open. Pure: everything it
 * needs is handed in. The time-based kind is judged apart ({@link #pendingTooLong}), as the clock opens it later.
 */
final class DriftJudge {

    private static final String IMPORTED_CHECKSUM = "imported:";

    record Migration(String id, String version, String checksum) {}

    /**
     * A decision (environment null) or a fact, in ledger order.
     *
     * @param imported the fact came from an imported history, not from a pipeline's report
     */
    record Step(
            long sequence,
            StepKind kind,
            String migrationId,
            String environment,
            String checksum,
            boolean fullyApproved,
            Instant at,
            String error,
            boolean imported) {}

    /** An approved migration not yet applied in the last environment: pending too long once the threshold passed. */
    record Pending(String migrationId, Instant approvedAt) {}

    /**
     * What a replay leaves open: the findings that only facts open or close, in report order, and the pending
     * migrations the clock judges.
     */
    record Judgement(List<DriftFindingView> findings, String lastEnvironment, List<Pending> pending) {}

    private record Approval(String checksum, Instant at) {}

    private record Status(
            StepKind kind,
            String checksum,
            Instant at,
            boolean unapproved,
            String overtaken,
            String error,
            boolean imported) {}

    private final List<String> path;
    private final Map<String, Migration> migrations;
    private final Map<String, Approval> approvals = new HashMap<>();
    private final Map<String, Boolean> rejected = new HashMap<>();
    private final Map<String, Map<String, Status>> statuses = new LinkedHashMap<>();
    /**
     * Per environment, the highest version applied there, kept while replaying: without it every apply compared its
     * version with every migration already there, and a judgement grew with the square of the history.
     */
    private final Map<String, Optional<String>> highestApplied = new HashMap<>();

    /**
     * Each known version's {@link VersionOrder#sortKey}, parsed once, so that a replay compares bytes, not version
     * strings parsed again at every comparison, and a migration that becomes known adds one key.
     */
    private final Map<String, byte[]> versionKeys = new HashMap<>();

    /** Migrations whose findings may have changed since the last judgement: those the new steps are about. */
    private final Set<String> touched = new HashSet<>();

    /**
     * The findings of each migration's status in each environment as last judged, reused for the migrations no new
     * step is about; empty until the first judgement.
     */
    private final Map<String, Map<String, List<DriftFindingView>>> judged = new HashMap<>();

    /** The environments of the path with at least one fact when last judged (an imported run's findings read it). */
    private Set<String> knownAtLastJudgement;

    /** The sequence number of the last step replayed; steps are replayed in ledger order, so later ones follow it. */
    private long replayedThrough = Long.MIN_VALUE;

    private long stepsReplayed;

    DriftJudge(List<String> path, Map<String, Migration> migrations) {
        this.path = List.copyOf(path);
        this.migrations = new HashMap<>(migrations);
        path.forEach(env -> statuses.put(env, new LinkedHashMap<>()));
        migrations.values().forEach(this::keyVersion);
    }

    private void keyVersion(Migration migration) {
        if (migration.version() != null) {
            versionKeys.computeIfAbsent(migration.version(), VersionOrder::sortKey);
        }
    }

    /**
     * Whether replaying only later steps from this judge's state judges as a replay from the first step would, with
     * the database's path and migrations as they are now; if so, the new migrations are taken in. That holds when the
     * path is the same, no migration this judge knows changed, and no new migration had a step replayed before it
     * became known (an unproposed run adopted by a proposal), since a replay reads versions as it goes.
     */
    boolean admits(List<String> currentPath, Map<String, Migration> current) {
        if (!path.equals(currentPath) || current.size() < migrations.size()) {
            return false;
        }
        List<Migration> added = new ArrayList<>();
        for (Migration migration : current.values()) {
            Migration known = migrations.get(migration.id());
            if (known == null) {
                if (replayedStepsOf(migration.id())) {
                    return false;
                }
                added.add(migration);
            } else if (!known.equals(migration)) {
                return false;
            }
        }
        added.forEach(migration -> {
            migrations.put(migration.id(), migration);
            keyVersion(migration);
        });
        return true;
    }

    private boolean replayedStepsOf(String migrationId) {
        return approvals.containsKey(migrationId)
                || rejected.containsKey(migrationId)
                || statuses.values().stream().anyMatch(byMigration -> byMigration.containsKey(migrationId));
    }

    long replayedThrough() {
        return replayedThrough;
    }

    /** How much this judge holds: one status or decision per step, at most. */
    long stepsReplayed() {
        return stepsReplayed;
    }

    /** {@link VersionOrder} for the versions of known migrations (the only ones a replay compares). */
    private int compareVersions(String one, String other) {
        return Arrays.compareUnsigned(versionKeys.get(one), versionKeys.get(other));
    }

    /**
     * Replays the steps (later than any replayed before, in ledger order) and judges what the whole replay leaves open.
     */
    Judgement judge(List<Step> steps) {
        for (Step step : steps) {
            if (step.sequence() < replayedThrough) {
                throw new IllegalArgumentException("Step " + step.sequence() + " is before the steps replayed, up to "
                        + replayedThrough + ": a judge replays in ledger order");
            }
            replay(step);
            touched.add(step.migrationId());
            replayedThrough = step.sequence();
            stepsReplayed++;
        }
        // A migration's findings read its own statuses, decisions and script, and whether earlier environments have
        // any fact: unless that last changed, only the migrations of the new steps are judged again.
        Set<String> known = new HashSet<>();
        path.stream().filter(env -> !unknown(env)).forEach(known::add);
        boolean all = !known.equals(knownAtLastJudgement);
        List<DriftFindingView> findings = new ArrayList<>();
        for (int index = 0; index < path.size(); index++) {
            String env = path.get(index);
            promotionOrder(index).ifPresent(findings::add);
            Map<String, List<DriftFindingView>> before = judged.computeIfAbsent(env, k -> new HashMap<>());
            for (Map.Entry<String, Status> entry : statuses.get(env).entrySet()) {
                String migrationId = entry.getKey();
                List<DriftFindingView> found = all || touched.contains(migrationId) ? null : before.get(migrationId);
                if (found == null) {
                    found = perMigration(index, migrationId, entry.getValue());
                    before.put(migrationId, found);
                }
                findings.addAll(found);
            }
            // A status a repair removed takes its findings with it.
            touched.stream()
                    .filter(migrationId -> !statuses.get(env).containsKey(migrationId))
                    .forEach(before::remove);
        }
        touched.clear();
        knownAtLastJudgement = known;
        String last = path.isEmpty() ? null : path.get(path.size() - 1);
        return new Judgement(findings, last, pending(last));
    }

    /** A switch expression, so that a kind added to {@link StepKind} and not replayed here does not compile. */
    private void replay(Step step) {
        Runnable replay = switch (step.kind()) {
            case APPROVED -> () -> approved(step);
            case REJECTED -> () -> rejected.put(step.migrationId(), true);
            case APPLIED -> () -> applied(step);
            case FAILED ->
                () -> put(
                        step,
                        new Status(
                                StepKind.FAILED,
                                step.checksum(),
                                step.at(),
                                false,
                                null,
                                step.error(),
                                step.imported()));
            case ROLLED_BACK -> () -> rolledBack(step);
            case FAILURE_CLEARED -> () -> failureCleared(step);
        };
        replay.run();
    }

    private void approved(Step step) {
        if (step.fullyApproved()) {
            approvals.put(step.migrationId(), new Approval(step.checksum(), step.at()));
        }
    }

    private void rolledBack(Step step) {
        Status before = statusOf(step.environment()).get(step.migrationId());
        String checksum = before == null ? null : before.checksum();
        put(step, new Status(StepKind.ROLLED_BACK, checksum, step.at(), false, null, null, false));
    }

    private void failureCleared(Step step) {
        Status before = statusOf(step.environment()).get(step.migrationId());
        if (before != null && before.kind() == StepKind.FAILED) {
            statusOf(step.environment()).remove(step.migrationId());
        }
    }

    private void applied(Step step) {
        if (step.imported()) {
            // It ran before the ledger governed the database: neither approval nor the order of the import's rows
            // (which follow the history table, after whatever the ledger recorded since) says anything about it.
            put(step, new Status(StepKind.APPLIED, step.checksum(), step.at(), false, null, null, true));
            return;
        }
        boolean unapproved = path.indexOf(step.environment()) > 0 && !approvals.containsKey(step.migrationId());
        String version = versionOf(step.migrationId());
        String overtaken = version == null || !higherApplied(step.environment(), version)
                ? null
                : statusOf(step.environment()).entrySet().stream()
                        .filter(e -> e.getValue().kind() == StepKind.APPLIED
                                && !e.getKey().equals(step.migrationId()))
                        .filter(e ->
                                versionOf(e.getKey()) != null && compareVersions(versionOf(e.getKey()), version) > 0)
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null);
        put(step, new Status(StepKind.APPLIED, step.checksum(), step.at(), unapproved, overtaken, null, false));
    }

    private Optional<DriftFindingView> promotionOrder(int index) {
        if (index == 0) {
            return Optional.empty();
        }
        String env = path.get(index);
        String earlier = path.get(index - 1);
        String here = currentVersion(env);
        String there = currentVersion(earlier);
        if (here == null || (there != null && compareVersions(here, there) <= 0)) {
            return Optional.empty();
        }
        if (there == null && unknown(earlier) && onlyImported(env)) {
            // An environment whose history was imported is not ahead of one the ledger was never told about.
            return Optional.empty();
        }
        String detail = "%s runs schema %s, ahead of %s (%s), which comes before it in the promotion path."
                .formatted(env, here, earlier, there == null ? "nothing applied" : there);
        return Optional.of(new DriftFindingView("PROMOTION_ORDER", "HIGH", env, null, detail));
    }

    private List<DriftFindingView> perMigration(int index, String migrationId, Status status) {
        String env = path.get(index);
        boolean last = index == path.size() - 1;
        List<DriftFindingView> findings = new ArrayList<>();
        if (status.kind() == StepKind.FAILED) {
            String error = status.error() == null ? "" : " (" + status.error() + ")";
            findings.add(finding(
                    "FAILED_UNRESOLVED",
                    last ? "HIGH" : "MEDIUM",
                    env,
                    migrationId,
                    "%s failed in %s at %s%s and has been neither applied since nor rolled back."
                            .formatted(migrationId, env, status.at(), error)));
        }
        if (status.kind() != StepKind.APPLIED) {
            return findings;
        }
        List<String> missing = path.subList(0, index).stream()
                .filter(earlier -> !isApplied(earlier, migrationId))
                // An imported run is only missing where the ledger knows what ran; other environments are unknown.
                .filter(earlier -> !status.imported() || !unknown(earlier))
                .toList();
        if (!missing.isEmpty()) {
            findings.add(finding(
                    "MISSING_IN_EARLIER_ENVIRONMENT",
                    last ? "HIGH" : "MEDIUM",
                    env,
                    migrationId,
                    "%s is applied in %s%s but not in %s, which come%s before it in the promotion path."
                            .formatted(
                                    migrationId,
                                    env,
                                    importedNote(status),
                                    String.join(", ", missing),
                                    missing.size() == 1 ? "s" : "")));
        }
        checksumMismatch(env, migrationId, status).ifPresent(findings::add);
        if (status.unapproved() && !approvals.containsKey(migrationId)) {
            findings.add(finding(
                    "UNAPPROVED_APPLY",
                    "HIGH",
                    env,
                    migrationId,
                    "%s was applied to %s at %s without approval, and has not been approved since."
                            .formatted(migrationId, env, status.at())));
        }
        if (status.overtaken() != null) {
            findings.add(finding(
                    "OUT_OF_ORDER",
                    "MEDIUM",
                    env,
                    migrationId,
                    "%s (%s) was applied to %s after %s (%s), which has a higher version, was already there."
                            .formatted(
                                    migrationId,
                                    versionOf(migrationId),
                                    env,
                                    status.overtaken(),
                                    versionOf(status.overtaken()))));
        }
        return findings;
    }

    private Optional<DriftFindingView> checksumMismatch(String env, String migrationId, Status status) {
        if (status.checksum() == null) {
            return Optional.empty();
        }
        Approval approval = approvals.get(migrationId);
        Migration migration = migrations.get(migrationId);
        String expected = approval != null && approval.checksum() != null
                ? approval.checksum()
                // A migration known only from an imported history has no proposed script to compare with.
                : migration == null || isImported(migration.checksum()) ? null : migration.checksum();
        if (expected != null && sameScheme(expected, status.checksum())) {
            if (expected.equalsIgnoreCase(status.checksum())) {
                return Optional.empty();
            }
            String source = approval != null ? "approved" : "proposed";
            return Optional.of(finding(
                    "CHECKSUM_MISMATCH",
                    "HIGH",
                    env,
                    migrationId,
                    "%s ran in %s%s with checksum %s, but the %s script has checksum %s."
                            .formatted(
                                    migrationId,
                                    env,
                                    importedNote(status),
                                    shortly(status.checksum()),
                                    source,
                                    shortly(expected))));
        }
        // No expected checksum of the same kind (a tool's checksum from an imported history cannot be compared with
        // a SHA-256): the environments that ran it must at least agree with each other.
        return path.stream()
                .takeWhile(earlier -> !earlier.equals(env))
                .filter(earlier -> isApplied(earlier, migrationId))
                .map(earlier -> Map.entry(earlier, statusOf(earlier).get(migrationId)))
                .filter(earlier -> earlier.getValue().checksum() != null
                        && sameScheme(earlier.getValue().checksum(), status.checksum())
                        && !status.checksum()
                                .equalsIgnoreCase(earlier.getValue().checksum()))
                .findFirst()
                .map(earlier -> finding(
                        "CHECKSUM_MISMATCH",
                        "HIGH",
                        env,
                        migrationId,
                        "%s ran in %s%s with checksum %s, but in %s%s with checksum %s."
                                .formatted(
                                        migrationId,
                                        env,
                                        importedNote(status),
                                        shortly(status.checksum()),
                                        earlier.getKey(),
                                        importedNote(earlier.getValue()),
                                        shortly(earlier.getValue().checksum()))));
    }

    /**
     * Whether two checksums were computed the same way: SHA-256s with each other, an imported tool checksum
     * ({@code imported:flyway-crc32:…}) only with one of the same tool.
     */
    private static boolean sameScheme(String one, String other) {
        return scheme(one).equals(scheme(other));
    }

    private static boolean isImported(String checksum) {
        return checksum != null && checksum.startsWith(IMPORTED_CHECKSUM);
    }

    private static String scheme(String checksum) {
        return isImported(checksum) ? checksum.substring(0, checksum.lastIndexOf(':')) : "sha-256";
    }

    private static String importedNote(Status status) {
        return status.imported() ? " (per its imported history)" : "";
    }

    private List<Pending> pending(String last) {
        if (last == null) {
            return List.of();
        }
        List<Pending> pending = new ArrayList<>();
        approvals.forEach((migrationId, approval) -> {
            if (!rejected.containsKey(migrationId) && !statusOf(last).containsKey(migrationId)) {
                pending.add(new Pending(migrationId, approval.at()));
            }
        });
        pending.sort((a, b) -> a.migrationId().compareTo(b.migrationId()));
        return pending;
    }

    /** The finding a pending migration is once it has waited longer than the threshold at {@code now}; else empty. */
    static Optional<DriftFindingView> pendingTooLong(
            String migrationId, Instant approvedAt, String lastEnvironment, Instant now, Duration threshold) {
        Duration waiting = Duration.between(approvedAt, now);
        if (waiting.compareTo(threshold) <= 0) {
            return Optional.empty();
        }
        return Optional.of(finding(
                "PENDING_TOO_LONG",
                "LOW",
                lastEnvironment,
                migrationId,
                "%s was approved %s ago (%s) and is still not applied in %s; the threshold is %s."
                        .formatted(migrationId, human(waiting), approvedAt, lastEnvironment, human(threshold))));
    }

    private String currentVersion(String env) {
        return highestApplied
                .computeIfAbsent(
                        env,
                        k -> statusOf(k).entrySet().stream()
                                .filter(e -> e.getValue().kind() == StepKind.APPLIED)
                                .map(e -> versionOf(e.getKey()))
                                .filter(v -> v != null)
                                .max(this::compareVersions))
                .orElse(null);
    }

    /** Whether a migration with a version above {@code version} is applied in the environment. */
    private boolean higherApplied(String env, String version) {
        String highest = currentVersion(env);
        return highest != null && compareVersions(highest, version) > 0;
    }

    /** The ledger has no fact at all about the environment: neither reported nor imported. */
    private boolean unknown(String env) {
        return statusOf(env).isEmpty();
    }

    private boolean onlyImported(String env) {
        return statusOf(env).values().stream().allMatch(Status::imported);
    }

    private boolean isApplied(String env, String migrationId) {
        Status status = statusOf(env).get(migrationId);
        return status != null && status.kind() == StepKind.APPLIED;
    }

    private Map<String, Status> statusOf(String env) {
        return statuses.computeIfAbsent(env, k -> new LinkedHashMap<>());
    }

    private void put(Step step, Status status) {
        Status before = statusOf(step.environment()).put(step.migrationId(), status);
        Optional<String> highest = highestApplied.get(step.environment());
        String version = versionOf(step.migrationId());
        if (highest == null || version == null) {
            return;
        }
        if (status.kind() == StepKind.APPLIED) {
            if (highest.isEmpty() || compareVersions(version, highest.get()) > 0) {
                highestApplied.put(step.environment(), Optional.of(version));
            }
        } else if (before != null && before.kind() == StepKind.APPLIED) {
            // A rollback or a failed rerun may have lowered the highest version: found again when next asked.
            highestApplied.remove(step.environment());
        }
    }

    private String versionOf(String migrationId) {
        Migration migration = migrations.get(migrationId);
        return migration == null ? null : migration.version();
    }

    private static DriftFindingView finding(String kind, String severity, String env, String migrationId, String text) {
        return new DriftFindingView(kind, severity, env, migrationId, text);
    }

    private static String shortly(String checksum) {
        // A SHA-256 is recognisable by its first twelve digits; a tool's imported checksum is short and whole.
        return isImported(checksum) || checksum.length() <= 12 ? checksum : checksum.substring(0, 12) + "…";
    }

    private static String human(Duration duration) {
        if (duration.toDays() >= 2) {
            return duration.toDays() + " days";
        }
        if (duration.toHours() >= 2) {
            return duration.toHours() + " hours";
        }
        return duration.toMinutes() + " minutes";
    }
}
