package org.migrationledger.projection.compatibility;

import org.migrationledger.projection.versionkey.VersionKeyMigration;
import org.springframework.stereotype.Component;

/**
 * V186: the version keys of the compatibility read model's existing migrations (V185 added the column, V187 requires
 * and indexes it).
 */
@Component
public class CompatibilityKeysMigration extends VersionKeyMigration {

    public CompatibilityKeysMigration() {
        super("186", "compatibility version keys", "compatibility_migration");
    }
}
