package org.migrationledger.projection;

import java.time.Instant;
import java.util.List;
import org.migrationledger.api.events.DatabaseRegistered;
import org.migrationledger.api.events.MigrationAnalysis;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationApproved;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRejected;
import org.migrationledger.api.events.MigrationRolledBack;
import org.migrationledger.api.events.PolicyViolation;
import org.migrationledger.api.events.ReleaseDeployed;
import org.migrationledger.api.events.RiskAssessment;

/** Realistic ledger events with fixed values for the projection tests; database {@code wishlist}. */
public final class LedgerEvents {

    public static final String DB = "wishlist";
    public static final List<String> PATH = List.of("local", "ci", "staging", "production");

    private LedgerEvents() {}

    public static DatabaseRegistered registered() {
        return new DatabaseRegistered(DB, PATH);
    }

    /** An additive, rollback-safe expand migration with a down script. */
    public static MigrationProposed expand(String migrationId, String version) {
        return proposed(migrationId, version, "expand", false, true, "alter table items drop column note;");
    }

    /** A breaking contract migration without a down script. */
    public static MigrationProposed contract(String migrationId, String version) {
        return proposed(migrationId, version, "contract", true, false, null);
    }

    public static MigrationProposed proposed(
            String migrationId, String version, String category, boolean breaking, boolean rollbackSafe, String down) {
        MigrationAnalysis analysis = new MigrationAnalysis(
                breaking,
                breaking ? "ACCESS EXCLUSIVE" : "SHARE UPDATE EXCLUSIVE",
                List.of("items"),
                rollbackSafe,
                category,
                breaking
                        ? List.of(new MigrationAnalysis.Finding(
                                "drop-column",
                                "ERROR",
                                0,
                                "alter table items drop column legacy",
                                "drops a column",
                                true))
                        : List.of(),
                1,
                0,
                "n-" + migrationId);
        return new MigrationProposed(
                DB,
                migrationId,
                version,
                "Change " + migrationId,
                "alice",
                "alice",
                checksum(migrationId),
                "select 1;",
                down,
                category,
                breaking,
                rollbackSafe,
                new RiskAssessment(breaking ? "HIGH" : "LOW", "down script", "ran on staging copy", 5L),
                List.of(),
                null,
                analysis,
                List.of(),
                null);
    }

    public static MigrationApproved approved(String migrationId, String by, boolean fully) {
        return new MigrationApproved(DB, migrationId, by, "dba", checksum(migrationId), "looks fine", 1, fully);
    }

    public static MigrationRejected rejected(String migrationId) {
        return new MigrationRejected(DB, migrationId, "dora", "locks the table for too long");
    }

    public static MigrationApplied applied(String migrationId, String environment, Instant startedAt) {
        return applied(migrationId, environment, startedAt, checksum(migrationId), List.of());
    }

    public static MigrationApplied applied(
            String migrationId,
            String environment,
            Instant startedAt,
            String checksum,
            List<PolicyViolation> breaches) {
        return new MigrationApplied(
                DB, migrationId, environment, checksum, startedAt, 840L, "flyway", "https://ci/run/1", breaches);
    }

    public static MigrationApplyFailed failed(String migrationId, String environment) {
        return new MigrationApplyFailed(
                DB,
                migrationId,
                environment,
                checksum(migrationId),
                null,
                12L,
                "ERROR: lock timeout",
                "ALTER TABLE t ADD COLUMN c integer",
                "flyway",
                "https://ci/run/2",
                List.of());
    }

    public static MigrationRolledBack rolledBack(String migrationId, String environment) {
        return new MigrationRolledBack(
                DB, migrationId, environment, "DOWN_SCRIPT", "bad plan", "ledger-cli", null, List.of());
    }

    public static ReleaseDeployed release(String environment, String release, String schemaVersion) {
        return new ReleaseDeployed(DB, environment, release, schemaVersion);
    }

    public static String checksum(String migrationId) {
        return String.format("%064x", Math.abs((long) migrationId.hashCode()));
    }
}
