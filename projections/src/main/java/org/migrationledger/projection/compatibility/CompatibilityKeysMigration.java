package org.migrationledger.projection.compatibility;

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
 * V186: the version keys of the compatibility read model's existing migrations (V185 added the column, V187 requires
 * and indexes it). In Java because the key is {@link VersionOrder#sortKey}, the one home of the version order. A bean,
 * which Spring Boot hands to Flyway beside the scripts, as {@code VersionKeysMigration} (V183) is.
 */
@Component
public class CompatibilityKeysMigration implements JavaMigration {

    private static final int BATCH = 1000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("186");
    }

    @Override
    public String getDescription() {
        return "compatibility version keys";
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
                        update compatibility_migration set version_key = ?
                        where generation = ? and database_name = ? and migration_id = ?""")) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = select.executeQuery("""
                    select generation, database_name, migration_id, version from compatibility_migration
                    where version_key is null""")) {
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
    }
}
