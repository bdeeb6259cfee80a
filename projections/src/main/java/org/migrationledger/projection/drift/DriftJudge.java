package org.migrationledger.projection.drift;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.projection.history.SchemaVersion;

/**
 * Replays a database's decisions and facts in ledger order and judges what is open drift now. Pure: everything it
 * needs, the clock's reading included, is handed in.
 */
final class DriftJudge {

    record Migration(String id, String version, String checksum) {}

    /** A decision (environment null) or a fact, in ledger order. */
    record Step(
            long sequence,
            String kind,
            String migrationId,
            String environment,
            String checksum,
            boolean fullyApproved,
            Instant at,
            String error) {}

    private record Approval(String checksum, Instant at) {}

    private record Status(
            String kind, String checksum, Instant at, boolean unapproved, String overtaken, String error) {}

    private final List<String> path;
    private final Map<String, Migration> migrations;
    private final Duration pendingThreshold;
    private final Map<String, Approval> approvals = new HashMap<>();
    private final Map<String, Boolean> rejected = new HashMap<>();
    private final Map<String, Map<String, Status>> statuses = new LinkedHashMap<>();

    DriftJudge(List<String> path, Map<String, Migration> migrations, Duration pendingThreshold) {
        this.path = List.copyOf(path);
        this.migrations = migrations;
        this.pendingThreshold = pendingThreshold;
        path.forEach(env -> statuses.put(env, new LinkedHashMap<>()));
    }

    List<DriftFindingView> judge(List<Step> steps, Instant now) {
        steps.forEach(this::replay);
        List<DriftFindingView> findings = new ArrayList<>();
        for (int index = 0; index < path.size(); index++) {
            String env = path.get(index);
            promotionOrder(index).ifPresent(findings::add);
            for (Map.Entry<String, Status> entry : statuses.get(env).entrySet()) {
                findings.addAll(perMigration(index, entry.getKey(), entry.getValue()));
            }
        }
        findings.addAll(pendingTooLong(now));
        return findings;
    }

    private void replay(Step step) {
        switch (step.kind()) {
            case "APPROVED" -> {
                if (step.fullyApproved()) {
                    approvals.put(step.migrationId(), new Approval(step.checksum(), step.at()));
                }
            }
            case "REJECTED" -> rejected.put(step.migrationId(), true);
            case "APPLIED" -> applied(step);
            case "FAILED" -> put(step, new Status("FAILED", step.checksum(), step.at(), false, null, step.error()));
            default -> {
                Status before = statusOf(step.environment()).get(step.migrationId());
                String checksum = before == null ? null : before.checksum();
                put(step, new Status("ROLLED_BACK", checksum, step.at(), false, null, null));
            }
        }
    }

    private void applied(Step step) {
        boolean unapproved = path.indexOf(step.environment()) > 0 && !approvals.containsKey(step.migrationId());
        String version = versionOf(step.migrationId());
        String overtaken = version == null
                ? null
                : statusOf(step.environment()).entrySet().stream()
                        .filter(e -> e.getValue().kind().equals("APPLIED")
                                && !e.getKey().equals(step.migrationId()))
                        .filter(e -> versionOf(e.getKey()) != null
                                && SchemaVersion.compare(versionOf(e.getKey()), version) > 0)
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null);
        put(step, new Status("APPLIED", step.checksum(), step.at(), unapproved, overtaken, null));
    }

    private Optional<DriftFindingView> promotionOrder(int index) {
        if (index == 0) {
            return Optional.empty();
        }
        String env = path.get(index);
        String earlier = path.get(index - 1);
        String here = currentVersion(env);
        String there = currentVersion(earlier);
        if (here == null || (there != null && SchemaVersion.compare(here, there) <= 0)) {
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
        if (status.kind().equals("FAILED")) {
            String error = status.error() == null ? "" : " (" + status.error() + ")";
            findings.add(finding(
                    "FAILED_UNRESOLVED",
                    last ? "HIGH" : "MEDIUM",
                    env,
                    migrationId,
                    "%s failed in %s at %s%s and has been neither applied since nor rolled back."
                            .formatted(migrationId, env, status.at(), error)));
        }
        if (!status.kind().equals("APPLIED")) {
            return findings;
        }
        List<String> missing = path.subList(0, index).stream()
                .filter(earlier -> !isApplied(earlier, migrationId))
                .toList();
        if (!missing.isEmpty()) {
            findings.add(finding(
                    "MISSING_IN_EARLIER_ENVIRONMENT",
                    last ? "HIGH" : "MEDIUM",
                    env,
                    migrationId,
                    "%s is applied in %s but not in %s, which come%s before it in the promotion path."
                            .formatted(migrationId, env, String.join(", ", missing), missing.size() == 1 ? "s" : "")));
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
                : migration == null ? null : migration.checksum();
        if (expected != null) {
            if (expected.equalsIgnoreCase(status.checksum())) {
                return Optional.empty();
            }
            String source = approval != null ? "approved" : "proposed";
            return Optional.of(finding(
                    "CHECKSUM_MISMATCH",
                    "HIGH",
                    env,
                    migrationId,
                    "%s ran in %s with checksum %s, but the %s script has checksum %s."
                            .formatted(migrationId, env, shortly(status.checksum()), source, shortly(expected))));
        }
        return path.stream()
                .takeWhile(earlier -> !earlier.equals(env))
                .filter(earlier -> isApplied(earlier, migrationId))
                .filter(earlier -> !status.checksum()
                        .equalsIgnoreCase(statusOf(earlier).get(migrationId).checksum()))
                .findFirst()
                .map(earlier -> finding(
                        "CHECKSUM_MISMATCH",
                        "HIGH",
                        env,
                        migrationId,
                        "%s ran in %s with checksum %s, but in %s with checksum %s."
                                .formatted(
                                        migrationId,
                                        env,
                                        shortly(status.checksum()),
                                        earlier,
                                        shortly(statusOf(earlier)
                                                .get(migrationId)
                                                .checksum()))));
    }

    private List<DriftFindingView> pendingTooLong(Instant now) {
        if (path.isEmpty()) {
            return List.of();
        }
        String last = path.get(path.size() - 1);
        List<DriftFindingView> findings = new ArrayList<>();
        approvals.forEach((migrationId, approval) -> {
            Duration waiting = Duration.between(approval.at(), now);
            if (!rejected.containsKey(migrationId)
                    && !statusOf(last).containsKey(migrationId)
                    && waiting.compareTo(pendingThreshold) > 0) {
                findings.add(finding(
                        "PENDING_TOO_LONG",
                        "LOW",
                        last,
                        migrationId,
                        "%s was approved %s ago (%s) and is still not applied in %s; the threshold is %s."
                                .formatted(migrationId, human(waiting), approval.at(), last, human(pendingThreshold))));
            }
        });
        findings.sort((a, b) -> a.migrationId().compareTo(b.migrationId()));
        return findings;
    }

    private String currentVersion(String env) {
        return statusOf(env).entrySet().stream()
                .filter(e -> e.getValue().kind().equals("APPLIED"))
                .map(e -> versionOf(e.getKey()))
                .filter(v -> v != null)
                .max(SchemaVersion.ORDER)
                .orElse(null);
    }

    private boolean isApplied(String env, String migrationId) {
        Status status = statusOf(env).get(migrationId);
        return status != null && status.kind().equals("APPLIED");
    }

    private Map<String, Status> statusOf(String env) {
        return statuses.computeIfAbsent(env, k -> new LinkedHashMap<>());
    }

    private void put(Step step, Status status) {
        statusOf(step.environment()).put(step.migrationId(), status);
    }

    private String versionOf(String migrationId) {
        Migration migration = migrations.get(migrationId);
        return migration == null ? null : migration.version();
    }

    private static DriftFindingView finding(String kind, String severity, String env, String migrationId, String text) {
        return new DriftFindingView(kind, severity, env, migrationId, text);
    }

    private static String shortly(String checksum) {
        return checksum.length() > 12 ? checksum.substring(0, 12) + "…" : checksum;
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
