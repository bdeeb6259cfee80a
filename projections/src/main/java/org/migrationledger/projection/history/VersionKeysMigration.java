package org.migrationledger.projection.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.migrationledger.naming.VersionOrder;
import org.springframework.stereotype.Component;

/**
 * V183: the version keys of the version history's existing migrations and entries (V182 added the columns). In Java
 * because the key is {@link VersionOrder#sortKey}, the one home of the version order, which SQL would have to copy.
 * A bean, which Spring Boot hands to Flyway beside the scripts, rather than a class in a package Flyway scans, so that
 * how Flyway scans the classes of the packaged service never matters.
 */
@Component
public class VersionKeysMigration implements JavaMigration {

    private static final int BATCH = 1000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("183");
    }

    @Override
    public String getDescription() {
        return "version history version keys";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
                PreparedStatement update = connection.prepareStatement("""
                        update version_history_migration set version_key = ?
                        where generation = ? and database_name = ? and migration_id = ?""")) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = select.executeQuery("""
                    select generation, database_name, migration_id, version from version_history_migration""")) {
                while (rows.next()) {
                    update.setBytes(1, VersionOrder.sortKey(rows.getString("version")));
                    update.setInt(2, rows.getInt("generation"));
                    update.setString(3, rows.getString("database_name"));
                    update.setString(4, rows.getString("migration_id"));
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            update.executeBatch();
        }
        try (Statement entries = connection.createStatement()) {
            entries.executeUpdate("""
                    update version_history_entry e set version_key = m.version_key from version_history_migration m
                    where m.generation = e.generation and m.database_name = e.database_name
                    and m.migration_id = e.migration_id""");
        }
    }
}
