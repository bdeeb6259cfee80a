package org.migrationledger.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.migrationledger.api.events.MigrationAnalysis;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRevised;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.api.events.UnproposedMigrationNoticed;

/**
 * What the aggregate needs to know about one migration to take decisions and judge facts. Changed only from the
 * aggregate's event sourcing handlers.
 */
final class MigrationState {

    /** What is fixed once the migration is known. */
    private record Identity(
            String migrationId, String version, String proposedBy, boolean highImpact, String expandMigrationId) {}

    /** What a revision replaces, with the script: its checksum and classification. */
    private record Script(
            String checksum,
            String normalizedSqlHash,
            String category,
            boolean breaking,
            boolean rollbackSafe,
            boolean hasDownScript) {

        static Script of(
                String checksum,
                MigrationAnalysis analysis,
                String category,
                boolean breaking,
                boolean rollbackSafe,
                String downScript) {
            return new Script(
                    checksum,
                    analysis == null ? null : analysis.normalizedSqlHash(),
                    category,
                    breaking,
                    rollbackSafe,
                    downScript != null && !downScript.isBlank());
        }
    }

    private final Identity identity;
    private Script script;
    private final List<ApprovalState> approvals = new ArrayList<>();
    private final Map<String, EnvironmentState> environments = new HashMap<>();
    private MigrationStatus status = MigrationStatus.PROPOSED;
    private String approvedChecksum;

    private MigrationState(Identity identity, Script script) {
        this.identity = identity;
        this.script = script;
    }

    MigrationState(MigrationProposed proposed) {
        this(
                new Identity(
                        proposed.migrationId(),
                        proposed.version(),
                        proposed.proposedBy(),
                        "HIGH".equals(proposed.risk().impact()),
                        proposed.expandMigrationId()),
                Script.of(
                        proposed.checksum(),
                        proposed.analysis(),
                        proposed.category(),
                        proposed.breaking(),
                        proposed.rollbackSafe(),
                        proposed.downScript()));
    }

    /** A migration the ledger learnt of from imported history: nothing was decided about it. */
    static MigrationState imported(MigrationRunImported imported) {
        MigrationState migration = new MigrationState(
                new Identity(imported.migrationId(), imported.version(), Imports.IMPORTED_BY, false, null),
                new Script(imported.checksum(), null, null, false, imported.rollbackSafe(), false));
        migration.status = MigrationStatus.IMPORTED;
        return migration;
    }

    /** A migration the ledger learnt of from a fact about it: nobody proposed or decided anything about it. */
    static MigrationState unproposed(UnproposedMigrationNoticed noticed) {
        MigrationState migration = new MigrationState(
                new Identity(noticed.migrationId(), noticed.version(), Facts.UNPROPOSED_BY, false, null),
                new Script(noticed.checksum(), null, null, false, false, false));
        migration.status = MigrationStatus.UNPROPOSED;
        return migration;
    }

    /** The proposal of a migration that ran unproposed: the proposal's identity, with the facts already recorded. */
    MigrationState adoptedBy(MigrationProposed proposed) {
        MigrationState adopted = new MigrationState(proposed);
        adopted.environments.putAll(environments);
        return adopted;
    }

    /** Restores the state a snapshot holds; the inverse of {@link #toSnapshot()}. */
    MigrationState(SchemaLedgerSnapshot.Migration snapshot) {
        this(
                new Identity(
                        snapshot.migrationId(),
                        snapshot.version(),
                        snapshot.proposedBy(),
                        snapshot.highImpact(),
                        snapshot.expandMigrationId()),
                new Script(
                        snapshot.checksum(),
                        snapshot.normalizedSqlHash(),
                        snapshot.category(),
                        snapshot.breaking(),
                        snapshot.rollbackSafe(),
                        snapshot.hasDownScript()));
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
                identity.migrationId(),
                identity.version(),
                script.checksum(),
                script.normalizedSqlHash(),
                identity.proposedBy(),
                script.category(),
                script.breaking(),
                identity.highImpact(),
                script.rollbackSafe(),
                script.hasDownScript(),
                identity.expandMigrationId(),
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
        return identity.migrationId();
    }

    String version() {
        return identity.version();
    }

    String checksum() {
        return script.checksum();
    }

    String proposedBy() {
        return identity.proposedBy();
    }

    /** The analysis's hash of the current script; null when no script was analysed. */
    String normalizedSqlHash() {
        return script.normalizedSqlHash();
    }

    String category() {
        return script.category();
    }

    /** Whether the migration breaks code still running against the old schema, as classified (not its impact). */
    boolean breaking() {
        return script.breaking();
    }

    boolean needsDbaAndTwoApprovers() {
        return script.breaking() || identity.highImpact();
    }

    boolean rollbackSafe() {
        return script.rollbackSafe();
    }

    boolean hasDownScript() {
        return script.hasDownScript();
    }

    String expandMigrationId() {
        return identity.expandMigrationId();
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
        script = Script.of(
                revised.checksum(),
                revised.analysis(),
                revised.category(),
                revised.breaking(),
                revised.rollbackSafe(),
                revised.downScript());
        approvals.clear();
        approvedChecksum = null;
        status = MigrationStatus.PROPOSED;
    }

    void reject() {
        status = MigrationStatus.REJECTED;
    }

    void withdraw() {
        status = MigrationStatus.WITHDRAWN;
    }

    void supersede() {
        status = MigrationStatus.SUPERSEDED;
    }

    /** Whether any fact (applied, failed, rolled back) was ever recorded for this migration, anywhere. */
    boolean hasRun() {
        return environments.values().stream().anyMatch(fact -> fact.status() != EnvironmentStatus.PENDING);
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
                && identity.equals(that.identity)
                && script.equals(that.script)
                && approvals.equals(that.approvals)
                && environments.equals(that.environments)
                && status == that.status
                && Objects.equals(approvedChecksum, that.approvedChecksum);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identity, status, approvals, environments);
    }
}
