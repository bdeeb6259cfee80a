package org.migrationledger.projection.audit;

import java.util.List;
import java.util.stream.Collectors;
import org.migrationledger.api.events.DatabaseRegistered;
import org.migrationledger.api.events.LedgerEvent;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationApproved;
import org.migrationledger.api.events.MigrationHistoryRepaired;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRejected;
import org.migrationledger.api.events.MigrationRevised;
import org.migrationledger.api.events.MigrationRolledBack;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.api.events.PolicyViolation;
import org.migrationledger.api.events.PromotionPathChanged;
import org.migrationledger.api.events.ReleaseDeployed;
import org.migrationledger.api.events.SchemaSnapshotObserved;

/** What the audit trail says about an event: the migration and environment it concerns, and one sentence. */
record AuditSummary(String migrationId, String environment, String sentence) {

    static AuditSummary of(LedgerEvent event) {
        if (event instanceof DatabaseRegistered e) {
            return new AuditSummary(
                    null, null, e.database() + " registered with promotion path " + path(e.environments()) + ".");
        }
        if (event instanceof PromotionPathChanged e) {
            return new AuditSummary(
                    null,
                    null,
                    "Promotion path of " + e.database() + " changed from " + path(e.previousEnvironments()) + " to "
                            + path(e.environments()) + ".");
        }
        if (event instanceof MigrationProposed e) {
            return new AuditSummary(
                    e.migrationId(),
                    null,
                    "%s (%s, %s%s) proposed by %s."
                            .formatted(
                                    e.migrationId(),
                                    e.version(),
                                    e.category(),
                                    e.breaking() ? ", breaking" : "",
                                    e.proposedBy()));
        }
        if (event instanceof MigrationApproved e) {
            return new AuditSummary(
                    e.migrationId(),
                    null,
                    "%s approved by %s as %s%s."
                            .formatted(
                                    e.migrationId(),
                                    e.approvedBy(),
                                    e.role(),
                                    e.fullyApproved() ? "; now fully approved" : "; more approvals required"));
        }
        if (event instanceof MigrationRejected e) {
            return new AuditSummary(
                    e.migrationId(),
                    null,
                    "%s rejected by %s: %s".formatted(e.migrationId(), e.rejectedBy(), e.reason()));
        }
        if (event instanceof MigrationApplied e) {
            String duration = e.durationMs() == null ? "" : ", " + e.durationMs() + " ms";
            return new AuditSummary(
                    e.migrationId(),
                    e.environment(),
                    "%s applied to %s (checksum %s%s)%s."
                            .formatted(
                                    e.migrationId(),
                                    e.environment(),
                                    shortly(e.checksum()),
                                    duration,
                                    violations(e.violations())));
        }
        if (event instanceof MigrationApplyFailed e) {
            String error = e.error() == null ? "" : ": " + e.error();
            return new AuditSummary(
                    e.migrationId(),
                    e.environment(),
                    "%s failed in %s%s%s."
                            .formatted(e.migrationId(), e.environment(), error, violations(e.violations())));
        }
        if (event instanceof MigrationRolledBack e) {
            return new AuditSummary(
                    e.migrationId(),
                    e.environment(),
                    "%s rolled back in %s by %s: %s%s."
                            .formatted(
                                    e.migrationId(),
                                    e.environment(),
                                    e.method(),
                                    e.reason(),
                                    violations(e.violations())));
        }
        if (event instanceof MigrationRevised e) {
            return new AuditSummary(
                    e.migrationId(),
                    null,
                    "%s revised by %s (%s change, checksum %s → %s): %s"
                            .formatted(
                                    e.migrationId(),
                                    e.revisedBy(),
                                    e.change().toLowerCase(java.util.Locale.ROOT),
                                    shortly(e.previousChecksum()),
                                    shortly(e.checksum()),
                                    e.reason()));
        }
        if (event instanceof ReleaseDeployed e) {
            String schema = e.schemaVersion() == null ? "no schema version applied" : "schema " + e.schemaVersion();
            return new AuditSummary(
                    null,
                    e.environment(),
                    "Release %s deployed to %s with %s.".formatted(e.release(), e.environment(), schema));
        }
        if (event instanceof SchemaSnapshotObserved e) {
            String what = (e.schema() == null ? "" : e.schema().tables().size() + " tables")
                    + (e.schema() != null && e.flywayHistory() != null ? " and " : "")
                    + (e.flywayHistory() == null ? "" : e.flywayHistory().size() + " history rows");
            return new AuditSummary(
                    null,
                    e.environment(),
                    "Observed %s in %s (%s, captured %s), at ledger version %s."
                            .formatted(
                                    what,
                                    e.environment(),
                                    e.trigger().toLowerCase(java.util.Locale.ROOT),
                                    e.capturedAt(),
                                    e.schemaVersion() == null ? "none" : e.schemaVersion()));
        }
        if (event instanceof MigrationHistoryRepaired e) {
            List<String> changes = new java.util.ArrayList<>();
            repairs(changes, "removed the failed run of", e.removedFailed());
            repairs(changes, "marked deleted", e.markedDeleted());
            repairs(changes, "realigned with the files on disk", e.realigned());
            // A repair naming one migration is about that migration; the trail's filter by migration finds it.
            String only = e.removedFailed().size()
                                    + e.markedDeleted().size()
                                    + e.realigned().size()
                            == 1
                    ? java.util.stream.Stream.of(e.removedFailed(), e.markedDeleted(), e.realigned())
                            .flatMap(List::stream)
                            .findFirst()
                            .map(MigrationHistoryRepaired.RepairedEntry::migrationId)
                            .orElse(null)
                    : null;
            return new AuditSummary(
                    only,
                    e.environment(),
                    "%s repair of the history in %s %s."
                            .formatted(e.tool(), e.environment(), String.join("; ", changes)));
        }
        if (event instanceof MigrationRunImported e) {
            return new AuditSummary(
                    e.migrationId(),
                    e.environment(),
                    "%s imported from %s of %s: %s at %s by %s%s."
                            .formatted(
                                    e.migrationId(),
                                    e.source(),
                                    e.environment(),
                                    e.success() ? "ran" : "failed",
                                    e.installedOn(),
                                    e.installedBy(),
                                    e.newToLedger() ? " (new to the ledger)" : ""));
        }
        // A newer event type still belongs in the trail; its payload column holds everything it says.
        return new AuditSummary(
                null, null, event.getClass().getSimpleName() + " recorded for " + event.database() + ".");
    }

    private static String path(List<String> environments) {
        return String.join(" → ", environments);
    }

    private static String violations(List<PolicyViolation> violations) {
        if (violations.isEmpty()) {
            return "";
        }
        return "; policy violations: "
                + violations.stream().map(PolicyViolation::code).collect(Collectors.joining(", "));
    }

    private static void repairs(
            List<String> changes, String what, List<MigrationHistoryRepaired.RepairedEntry> entries) {
        if (!entries.isEmpty()) {
            changes.add(what + " "
                    + String.join(
                            ", ",
                            entries.stream()
                                    .map(entry ->
                                            entry.migrationId() != null ? entry.migrationId() : entry.description())
                                    .toList()));
        }
    }

    private static String shortly(String checksum) {
        return checksum == null || checksum.length() <= 12 ? String.valueOf(checksum) : checksum.substring(0, 12) + "…";
    }
}
