package org.migrationledger.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRevised;
import org.migrationledger.api.events.MigrationRunImported;

/**
 * What the aggregate needs to know about one migration to take decisions and judge facts. Changed only from the
 * aggregate's event sourcing handlers.
 */
final class MigrationState {

    private final String migrationId;
    private final String version;
    private String checksum;
    private String normalizedSqlHash;
    private final String proposedBy;
    private String category;
    private boolean breaking;
    private final boolean highImpact;
    private boolean rollbackSafe;
    private boolean hasDownScript;
    private final String expandMigrationId;
    private final List<ApprovalState> approvals = new ArrayList<>();
    private final Map<String, EnvironmentState> environments = new HashMap<>();
    private MigrationStatus status = MigrationStatus.PROPOSED;
    private String approvedChecksum;

    MigrationState(MigrationProposed proposed) {
        this.migrationId = proposed.migrationId();
        this.version = proposed.version();
        this.checksum = proposed.checksum();
        this.normalizedSqlHash =
                proposed.analysis() == null ? null : proposed.analysis().normalizedSqlHash();
        this.proposedBy = proposed.proposedBy();
        this.category = proposed.category();
        this.breaking = proposed.breaking();
        this.highImpact = "HIGH".equals(proposed.risk().impact());
        this.rollbackSafe = proposed.rollbackSafe();
        this.hasDownScript =
                proposed.downScript() != null && !proposed.downScript().isBlank();
        this.expandMigrationId = proposed.expandMigrationId();
    }

    /** A migration the ledger learnt of from imported history: nothing was decided about it. */
    private MigrationState(MigrationRunImported imported) {
        this.migrationId = imported.migrationId();
        this.version = imported.version();
        this.checksum = imported.checksum();
        this.normalizedSqlHash = null;
        this.proposedBy = Imports.IMPORTED_BY;
        this.category = null;
        this.breaking = false;
        this.highImpact = false;
        this.rollbackSafe = imported.rollbackSafe();
        this.hasDownScript = false;
        this.expandMigrationId = null;
        this.status = MigrationStatus.IMPORTED;
    }

    static MigrationState imported(MigrationRunImported entry) {
        return new MigrationState(entry);
    }

    /** Restores the state a snapshot holds; the inverse of {@link #toSnapshot()}. */
    MigrationState(SchemaLedgerSnapshot.Migration snapshot) {
        this.migrationId = snapshot.migrationId();
        this.version = snapshot.version();
        this.checksum = snapshot.checksum();
        this.normalizedSqlHash = snapshot.normalizedSqlHash();
        this.proposedBy = snapshot.proposedBy();
        this.category = snapshot.category();
        this.breaking = snapshot.breaking();
        this.highImpact = snapshot.highImpact();
        this.rollbackSafe = snapshot.rollbackSafe();
        this.hasDownScript = snapshot.hasDownScript();
        this.expandMigrationId = snapshot.expandMigrationId();
        this.status = MigrationStatus.valueOf(snapshot.status());
        this.approvedChecksum = snapshot.approvedChecksum();
        snapshot.approvals()
                .forEach(approval ->
                        approvals.add(new ApprovalState(approval.approvedBy(), approval.role(), approval.checksum())));
        snapshot.environments()
                .forEach(fact -> environments.put(
                        fact.environment(),
                        new EnvironmentState(
                                EnvironmentStatus.valueOf(fact.status()), fact.checksum(), fact.releasesBefore())));
    }

    SchemaLedgerSnapshot.Migration toSnapshot() {
        return new SchemaLedgerSnapshot.Migration(
                migrationId,
                version,
                checksum,
                normalizedSqlHash,
                proposedBy,
                category,
                breaking,
                highImpact,
                rollbackSafe,
                hasDownScript,
                expandMigrationId,
                status.name(),
                approvedChecksum,
                approvals.stream()
                        .map(approval -> new SchemaLedgerSnapshot.Approval(
                                approval.approvedBy(), approval.role(), approval.checksum()))
                        .toList(),
                environments.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(entry -> new SchemaLedgerSnapshot.EnvironmentFact(
                                entry.getKey(),
                                entry.getValue().status().name(),
                                entry.getValue().checksum(),
                                entry.getValue().releasesBefore()))
                        .toList());
    }

    String migrationId() {
        return migrationId;
    }

    String version() {
        return version;
    }

    String checksum() {
        return checksum;
    }

    String proposedBy() {
        return proposedBy;
    }

    /** The analysis's hash of the current script; null when no script was analysed. */
    String normalizedSqlHash() {
        return normalizedSqlHash;
    }

    String category() {
        return category;
    }

    /** Whether the migration breaks code still running against the old schema, as classified (not its impact). */
    boolean breaking() {
        return breaking;
    }

    boolean needsDbaAndTwoApprovers() {
        return breaking || highImpact;
    }

    boolean rollbackSafe() {
        return rollbackSafe;
    }

    boolean hasDownScript() {
        return hasDownScript;
    }

    String expandMigrationId() {
        return expandMigrationId;
    }

    MigrationStatus status() {
        return status;
    }

    /** The checksum the completed approval is bound to; null until the migration is approved. */
    String approvedChecksum() {
        return approvedChecksum;
    }

    List<ApprovalState> approvals() {
        return List.copyOf(approvals);
    }

    boolean approvedBy(String principal) {
        return approvals.stream().anyMatch(approval -> approval.approvedBy().equals(principal));
    }

    EnvironmentState in(String environment) {
        return environments.getOrDefault(environment, EnvironmentState.PENDING);
    }

    void approve(ApprovalState approval, boolean completesApproval) {
        approvals.add(approval);
        if (completesApproval) {
            status = MigrationStatus.APPROVED;
            approvedChecksum = approval.checksum();
        }
    }

    /** A new script replaces the old one; approvals were bound to the old checksum, so they no longer count. */
    void revise(MigrationRevised revised) {
        checksum = revised.checksum();
        normalizedSqlHash =
                revised.analysis() == null ? null : revised.analysis().normalizedSqlHash();
        category = revised.category();
        breaking = revised.breaking();
        rollbackSafe = revised.rollbackSafe();
        hasDownScript = revised.downScript() != null && !revised.downScript().isBlank();
        approvals.clear();
        approvedChecksum = null;
        status = MigrationStatus.PROPOSED;
    }

    void reject() {
        status = MigrationStatus.REJECTED;
    }

    void record(String environment, EnvironmentState state) {
        environments.put(environment, state);
    }

    /** The environment no longer holds any fact about this migration: it is pending there again. */
    void forget(String environment) {
        environments.remove(environment);
    }

    /** Value equality, so that Axon's test fixture can tell a state change outside the event handlers. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MigrationState that
                && migrationId.equals(that.migrationId)
                && version.equals(that.version)
                && checksum.equals(that.checksum)
                && Objects.equals(normalizedSqlHash, that.normalizedSqlHash)
                && proposedBy.equals(that.proposedBy)
                && Objects.equals(category, that.category)
                && breaking == that.breaking
                && highImpact == that.highImpact
                && rollbackSafe == that.rollbackSafe
                && hasDownScript == that.hasDownScript
                && Objects.equals(expandMigrationId, that.expandMigrationId)
                && approvals.equals(that.approvals)
                && environments.equals(that.environments)
                && status == that.status
                && Objects.equals(approvedChecksum, that.approvedChecksum);
    }

    @Override
    public int hashCode() {
        return Objects.hash(migrationId, status, approvals, environments);
    }
}
