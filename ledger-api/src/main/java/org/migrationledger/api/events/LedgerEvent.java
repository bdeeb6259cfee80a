package org.migrationledger.api.events;

/**
 * Every fact and decision the ledger stores about one database under change control. The aggregate identifier of
 * each event stream is the database name, so {@link #database()} is on every event.
 */
public sealed interface LedgerEvent
        permits DatabaseRegistered,
                PromotionPathChanged,
                MigrationProposed,
                MigrationRevised,
                MigrationApproved,
                MigrationRejected,
                MigrationApplied,
                MigrationApplyFailed,
                MigrationRolledBack,
                ReleaseDeployed,
                SchemaSnapshotObserved,
                MigrationRunImported,
                MigrationHistoryRepaired,
                UnproposedMigrationNoticed,
                MigrationWithdrawn,
                MigrationSuperseded,
                DriftAcknowledged,
                DriftAcknowledgementWithdrawn {

    String database();
}
