package org.migrationledger.projection.fleet;

import org.axonframework.eventhandling.EventHandler;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationApproved;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRejected;
import org.migrationledger.api.events.MigrationRevised;
import org.migrationledger.api.events.MigrationRolledBack;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.api.events.MigrationSuperseded;
import org.migrationledger.api.events.MigrationWithdrawn;
import org.migrationledger.api.events.UnproposedMigrationNoticed;
import org.migrationledger.projection.path.PathTrackingProjection;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes one generation of the fleet: promotion paths, migrations with their approval state, status per environment. */
class FleetProjection extends PathTrackingProjection {

    FleetProjection(JdbcClient jdbc, int generation) {
        super(jdbc, generation, "fleet_environment");
    }

    @EventHandler
    void on(MigrationProposed event) {
        jdbc.sql("""
                        insert into fleet_migration (generation, database_name, migration_id, version, state, script,
                                                     down_script)
                        values (?, ?, ?, ?, 'PROPOSED', ?, ?)
                        on conflict (generation, database_name, migration_id) do update set version = excluded.version,
                            state = 'PROPOSED', script = excluded.script, down_script = excluded.down_script
                        """)
                .params(
                        generation,
                        event.database(),
                        event.migrationId(),
                        event.version(),
                        event.script(),
                        event.downScript())
                .update();
    }

    /** A revision changes the script, so the approvals given for the old one no longer count. */
    @EventHandler
    void on(MigrationRevised event) {
        jdbc.sql("""
                        update fleet_migration set state = 'PROPOSED', script = coalesce(?, script),
                            down_script = coalesce(?, down_script)
                        where generation = ? and database_name = ? and migration_id = ?
                        """)
                .params(event.script(), event.downScript(), generation, event.database(), event.migrationId())
                .update();
    }

    @EventHandler
    void on(MigrationApproved event) {
        if (event.fullyApproved()) {
            state(event.database(), event.migrationId(), "APPROVED");
        }
    }

    @EventHandler
    void on(MigrationRejected event) {
        state(event.database(), event.migrationId(), "REJECTED");
    }

    @EventHandler
    void on(UnproposedMigrationNoticed event) {
        jdbc.sql("""
                        insert into fleet_migration (generation, database_name, migration_id, version, state)
                        values (?, ?, ?, ?, 'UNPROPOSED') on conflict do nothing
                        """)
                .params(generation, event.database(), event.migrationId(), event.version())
                .update();
    }

    @EventHandler
    void on(MigrationWithdrawn event) {
        state(event.database(), event.migrationId(), "WITHDRAWN");
    }

    @EventHandler
    void on(MigrationSuperseded event) {
        state(event.database(), event.migrationId(), "SUPERSEDED");
    }

    @EventHandler
    void on(MigrationApplied event) {
        status(event.database(), event.environment(), event.migrationId(), "APPLIED");
    }

    @EventHandler
    void on(MigrationApplyFailed event) {
        status(event.database(), event.environment(), event.migrationId(), "FAILED");
    }

    @EventHandler
    void on(MigrationRolledBack event) {
        status(event.database(), event.environment(), event.migrationId(), "ROLLED_BACK");
    }

    /** A run from history that predates the ledger: known as imported when the ledger never heard of it. */
    @EventHandler
    void on(MigrationRunImported event) {
        if (event.newToLedger()) {
            jdbc.sql("""
                            insert into fleet_migration (generation, database_name, migration_id, version, state)
                            values (?, ?, ?, ?, 'IMPORTED') on conflict do nothing
                            """)
                    .params(generation, event.database(), event.migrationId(), event.version())
                    .update();
        }
        status(event.database(), event.environment(), event.migrationId(), event.success() ? "APPLIED" : "FAILED");
    }

    private void state(String database, String migrationId, String state) {
        jdbc.sql("update fleet_migration set state = ? where generation = ? and database_name = ? and migration_id = ?")
                .params(state, generation, database, migrationId)
                .update();
    }

    private void status(String database, String environment, String migrationId, String status) {
        jdbc.sql("""
                        insert into fleet_status (generation, database_name, environment, migration_id, status)
                        values (?, ?, ?, ?, ?)
                        on conflict (generation, database_name, environment, migration_id)
                        do update set status = excluded.status
                        """)
                .params(generation, database, environment, migrationId, status)
                .update();
    }
}
