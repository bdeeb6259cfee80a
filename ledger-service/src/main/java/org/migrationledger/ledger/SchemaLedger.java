package org.migrationledger.ledger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.migrationledger.api.events.DatabaseRegistered;
import org.migrationledger.api.events.DriftAcknowledged;
import org.migrationledger.api.events.DriftAcknowledgementWithdrawn;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationApproved;
import org.migrationledger.api.events.MigrationHistoryRepaired;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRejected;
import org.migrationledger.api.events.MigrationRevised;
import org.migrationledger.api.events.MigrationRolledBack;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.api.events.MigrationSuperseded;
import org.migrationledger.api.events.MigrationWithdrawn;
import org.migrationledger.api.events.PolicyViolation;
import org.migrationledger.api.events.PromotionPathChanged;
import org.migrationledger.api.events.ReleaseDeployed;
import org.migrationledger.api.events.SchemaSnapshotObserved;
import org.migrationledger.api.events.UnproposedMigrationNoticed;

/**
 * The ledger of one database under change control: one event stream per database, so that every decision and every
 * policy judgement sees all migrations and environments of that database consistently.
 */
@Aggregate(
        cache = "schemaLedgerCache",
        snapshotTriggerDefinition = "schemaLedgerSnapshotTrigger",
        snapshotFilter = "schemaLedgerSnapshotFilter")
class SchemaLedger {

    @AggregateIdentifier
    private String database;

    private final LedgerState state = new LedgerState();

    /** Axon builds the aggregate through this constructor before replaying its events. */
    SchemaLedger() {}

    /** The ledger as of a snapshot; {@link SchemaLedgerAggregateFactory} builds it before replaying the tail. */
    static SchemaLedger fromSnapshot(SchemaLedgerSnapshot snapshot) {
        SchemaLedger ledger = new SchemaLedger();
        ledger.database = snapshot.database();
        ledger.state.restore(snapshot);
        return ledger;
    }

    /** Everything this ledger knows, in the versioned snapshot shape. */
    SchemaLedgerSnapshot snapshot() {
        return state.toSnapshot(database);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RegistrationOutcome handle(PutDatabase command) {
        if (database == null) {
            apply(new DatabaseRegistered(command.database(), command.environments()));
            return new RegistrationOutcome(command.database(), command.environments(), true);
        }
        if (!state.environments().equals(command.environments())) {
            new EnvironmentsWithFactsStay(state, command.environments()).verify();
            apply(new PromotionPathChanged(database, command.environments(), state.environments()));
        }
        return new RegistrationOutcome(database, state.environments(), false);
    }

    @CommandHandler
    MigrationProposed handle(ProposeMigration command) {
        new MigrationIdMustBeUnique(state, command.database(), command.migrationId(), command.checksum()).verify();
        new VersionMustBeUnique(state, command.version(), command.migrationId()).verify();
        ProposalClassification classification = ProposalClassification.of(command);
        new UnderstatementNeedsWaiver(classification, command.waiver()).verify();
        new ExpandCounterpartMustExist(state, classification.category(), command.expandMigrationId()).verify();
        MigrationProposed proposed = Proposals.proposed(command, classification);
        apply(proposed);
        return proposed;
    }

    @CommandHandler
    MigrationRevised handle(ReviseMigration command) {
        MigrationState migration = Decisions.migrationToDecide(state, command.migrationId());
        new RevisionMustChangeScript(migration, command.checksum()).verify();
        MigrationRevised revised = Revisions.revised(database, migration, command);
        apply(revised);
        return revised;
    }

    @CommandHandler
    MigrationApproved handle(ApproveMigration command) {
        MigrationState migration = Decisions.migrationToDecide(state, command.migrationId());
        new OpenForDecision(migration, "approved").verify();
        new ApprovalRules(migration, command).verify();
        MigrationApproved approved = Decisions.approved(database, migration, command);
        apply(approved);
        return approved;
    }

    @CommandHandler
    MigrationRejected handle(RejectMigration command) {
        MigrationState migration = Decisions.migrationToDecide(state, command.migrationId());
        new OpenForDecision(migration, "rejected").verify();
        MigrationRejected rejected =
                new MigrationRejected(database, command.migrationId(), command.rejectedBy(), command.reason());
        apply(rejected);
        return rejected;
    }

    @CommandHandler
    MigrationWithdrawn handle(WithdrawMigration command) {
        MigrationState migration = Decisions.migrationToDecide(state, command.migrationId());
        new DecisionMustEnd(migration, null, command.withdrawnBy(), command.admin()).verify();
        MigrationWithdrawn withdrawn =
                new MigrationWithdrawn(database, command.migrationId(), command.withdrawnBy(), command.reason());
        apply(withdrawn);
        return withdrawn;
    }

    @CommandHandler
    MigrationSuperseded handle(SupersedeMigration command) {
        MigrationState migration = Decisions.migrationToDecide(state, command.migrationId());
        MigrationState replacement = Decisions.replacement(state, command.replacementMigrationId());
        new DecisionMustEnd(migration, replacement, command.supersededBy(), command.admin()).verify();
        MigrationSuperseded superseded = new MigrationSuperseded(
                database,
                command.migrationId(),
                command.replacementMigrationId(),
                command.supersededBy(),
                command.reason());
        apply(superseded);
        return superseded;
    }

    /**
     * Acknowledgements are not part of the aggregate's state: they decide nothing the aggregate judges (the gate
     * reads drift from its read model), so only the environment is checked here.
     */
    @CommandHandler
    DriftAcknowledged handle(AcknowledgeDrift command) {
        Facts.requireEnvironment(state, command.environment());
        DriftAcknowledged acknowledged = new DriftAcknowledged(
                database,
                command.acknowledgementId(),
                command.kind(),
                command.environment(),
                command.migrationId(),
                command.object(),
                command.findings(),
                command.reason(),
                command.acknowledgedBy(),
                command.expiresAt());
        apply(acknowledged);
        return acknowledged;
    }

    @CommandHandler
    DriftAcknowledgementWithdrawn handle(WithdrawDriftAcknowledgement command) {
        DriftAcknowledgementWithdrawn withdrawn =
                new DriftAcknowledgementWithdrawn(database, command.acknowledgementId(), command.withdrawnBy());
        apply(withdrawn);
        return withdrawn;
    }

    @CommandHandler
    List<PolicyViolation> handle(RecordApply command, PolicySettings settings) {
        notice(command.migrationId(), command.environment(), command.version(), command.checksum());
        MigrationState migration = state.migration(command.migrationId()).orElseThrow();
        List<PolicyViolation> violations = ApplyRule.violations(new ApplyContext(
                state, migration, command.environment(), command.checksum(), settings, command.deployedBy()));
        apply(Facts.applyEvent(database, command, violations));
        return violations;
    }

    @CommandHandler
    List<PolicyViolation> handle(RecordRollback command) {
        notice(command.migrationId(), command.environment(), command.version(), null);
        MigrationState migration = state.migration(command.migrationId()).orElseThrow();
        List<PolicyViolation> violations =
                RollbackPolicy.violations(state, migration, command.environment(), command.method());
        apply(new MigrationRolledBack(
                database,
                command.migrationId(),
                command.environment(),
                command.method(),
                command.reason(),
                command.tool(),
                command.runUrl(),
                violations));
        return violations;
    }

    @CommandHandler
    GateDecision handle(CheckGate command, PolicySettings settings) {
        MigrationState migration = Facts.migrationIn(state, command.migrationId(), command.environment());
        String checksum = command.checksum() != null
                ? command.checksum()
                : migration.approvedChecksum() != null ? migration.approvedChecksum() : migration.checksum();
        return GateDecision.of(ApplyRule.violations(
                new ApplyContext(state, migration, command.environment(), checksum, settings, null)));
    }

    /** The promotion path, once the environment is known to be on it. */
    @CommandHandler
    List<String> handle(CheckReporting command) {
        Facts.requireEnvironment(state, command.environment());
        return state.environments();
    }

    @CommandHandler
    ReleaseDeployed handle(RecordRelease command) {
        Facts.requireEnvironment(state, command.environment());
        String schemaVersion = command.schemaVersion() != null
                ? command.schemaVersion()
                : state.currentVersion(command.environment()).orElse(null);
        ReleaseDeployed deployed =
                new ReleaseDeployed(database, command.environment(), command.release(), schemaVersion);
        apply(deployed);
        return deployed;
    }

    @CommandHandler
    ImportOutcome handle(ImportHistory command) {
        List<MigrationRunImported> runs = Imports.imported(database, state, command);
        runs.forEach(run -> apply(run));
        return new ImportOutcome(runs, command.entries().size() - runs.size());
    }

    @CommandHandler
    SchemaSnapshotObserved handle(RecordSchemaSnapshot command) {
        SchemaSnapshotObserved observed = Observations.observed(database, state, command);
        apply(observed);
        return observed;
    }

    @CommandHandler
    MigrationHistoryRepaired handle(RecordHistoryRepair command) {
        MigrationHistoryRepaired repaired = Observations.repaired(database, state, command);
        apply(repaired);
        return repaired;
    }

    /** A fact about a migration the ledger never saw is recorded all the same: the migration becomes known first. */
    private void notice(String migrationId, String environment, String version, String checksum) {
        Facts.noticed(database, state, migrationId, environment, version, checksum)
                .ifPresent(AggregateLifecycle::apply);
    }

    @EventSourcingHandler
    void on(UnproposedMigrationNoticed event) {
        state.add(MigrationState.unproposed(event));
    }

    @EventSourcingHandler
    void on(MigrationWithdrawn event) {
        state.migration(event.migrationId()).orElseThrow().withdraw();
    }

    @EventSourcingHandler
    void on(MigrationSuperseded event) {
        state.migration(event.migrationId()).orElseThrow().supersede();
    }

    @EventSourcingHandler
    void on(MigrationHistoryRepaired event) {
        // A failed run the repair removed is no longer failed there: the migration may be run, and reported, again.
        event.removedFailed().stream()
                .map(MigrationHistoryRepaired.RepairedEntry::migrationId)
                .filter(java.util.Objects::nonNull)
                .flatMap(migrationId -> state.migration(migrationId).stream())
                .filter(migration -> migration.in(event.environment()).status() == EnvironmentStatus.FAILED)
                .forEach(migration -> migration.forget(event.environment()));
    }

    @EventSourcingHandler
    void on(MigrationRunImported event) {
        if (event.newToLedger()) {
            state.add(MigrationState.imported(event));
        }
        EnvironmentStatus status = event.success() ? EnvironmentStatus.APPLIED : EnvironmentStatus.FAILED;
        record(event.migrationId(), event.environment(), status, event.checksum());
    }

    @EventSourcingHandler
    void on(DatabaseRegistered event) {
        database = event.database();
        state.replaceEnvironments(event.environments());
    }

    @EventSourcingHandler
    void on(PromotionPathChanged event) {
        state.replaceEnvironments(event.environments());
    }

    @EventSourcingHandler
    void on(MigrationProposed event) {
        state.migration(event.migrationId())
                .ifPresentOrElse(
                        unproposed -> state.replace(unproposed, unproposed.adoptedBy(event)),
                        () -> state.add(new MigrationState(event)));
    }

    @EventSourcingHandler
    void on(MigrationRevised event) {
        state.migration(event.migrationId()).orElseThrow().revise(event);
    }

    @EventSourcingHandler
    void on(MigrationApproved event) {
        state.migration(event.migrationId())
                .orElseThrow()
                .approve(new ApprovalState(event.approvedBy(), event.role(), event.checksum()), event.fullyApproved());
    }

    @EventSourcingHandler
    void on(MigrationRejected event) {
        state.migration(event.migrationId()).orElseThrow().reject();
    }

    @EventSourcingHandler
    void on(MigrationApplied event) {
        record(event.migrationId(), event.environment(), EnvironmentStatus.APPLIED, event.checksum());
    }

    @EventSourcingHandler
    void on(MigrationApplyFailed event) {
        record(event.migrationId(), event.environment(), EnvironmentStatus.FAILED, event.checksum());
    }

    @EventSourcingHandler
    void on(MigrationRolledBack event) {
        MigrationState migration = state.migration(event.migrationId()).orElseThrow();
        EnvironmentState before = migration.in(event.environment());
        record(event.migrationId(), event.environment(), EnvironmentStatus.ROLLED_BACK, before.checksum());
    }

    @EventSourcingHandler
    void on(ReleaseDeployed event) {
        state.countRelease(event.environment());
    }

    private void record(String migrationId, String environment, EnvironmentStatus status, String checksum) {
        state.migration(migrationId)
                .orElseThrow()
                .record(environment, new EnvironmentState(status, checksum, state.releasesIn(environment)));
    }
}
