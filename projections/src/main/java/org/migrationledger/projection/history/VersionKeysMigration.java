package org.migrationledger.projection.history;

import java.sql.Connection;
import java.sql.Statement;
import org.migrationledger.projection.versionkey.VersionKeyMigration;
import org.springframework.stereotype.Component;

/** V183: the version keys of the version history's existing migrations and entries (V182 added the columns). */
@Component
public class VersionKeysMigration extends VersionKeyMigration {

    public VersionKeysMigration() {
        super("183", "version history version keys", "version_history_migration");
    }

    /** Each entry carries its migration's key, so that the highest version in place is the top of an index. */
    @Override
    protected void afterKeys(Connection connection) throws Exception {
        try (Statement entries = connection.createStatement()) {
            entries.executeUpdate("""
                    update version_history_entry e set version_key = m.version_key from version_history_migration m
                    where m.generation = e.generation and m.database_name = e.database_name
                    and m.migration_id = e.migration_id""");
        }
    }
}
