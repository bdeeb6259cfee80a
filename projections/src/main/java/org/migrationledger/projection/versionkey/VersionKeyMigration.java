package org.migrationledger.projection.versionkey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.migrationledger.naming.VersionOrder;

/**
 * A Flyway migration that fills the {@code version_key} of a read model's existing migrations, in Java because the key
 * is {@link VersionOrder#sortKey}, the one home of the version order, which SQL would have to copy. Subclasses are
 * beans, which Spring Boot hands to Flyway beside the scripts, rather than classes in a package Flyway scans, so that
 * how Flyway scans the classes of the packaged service never matters.
 */
public abstract class VersionKeyMigration implements JavaMigration {

    private static final int BATCH = 1000;

    private final String version;
    private final String description;
    private final String table;

    /** @param table a read model's table of migrations, keyed by (generation, database_name, migration_id) */
    protected VersionKeyMigration(String version, String description, String table) {
        this.version = version;
        this.description = description;
        this.table = table;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public String getDescription() {
        return description;
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
                PreparedStatement update = connection.prepareStatement("update " + table
                        + " set version_key = ? where generation = ? and database_name = ? and migration_id = ?")) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = select.executeQuery("select generation, database_name, migration_id, version from "
                    + table + " where version_key is null")) {
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
        afterKeys(connection);
    }

    /** What else the keys of the migrations decide, in the same transaction; nothing by default. */
    protected void afterKeys(Connection connection) throws Exception {}
}
