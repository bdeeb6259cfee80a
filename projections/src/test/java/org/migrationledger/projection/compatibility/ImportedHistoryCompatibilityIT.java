package org.migrationledger.projection.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.events.DatabaseRegistered;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.api.queries.GetCompatibility;
import org.migrationledger.api.queries.GetMigration;
import org.migrationledger.api.queries.MigrationView;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.testsupport.FreshPostgresDatabase;

/** Imported history shows in the grid like reported facts, and a migration known only from it reads as imported. */
class ImportedHistoryCompatibilityIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final Instant RAN = Instant.parse("2024-05-01T08:00:00Z");

    @Test
    void importedRunsFillTheGrid() {
        ReadModelDatabase database = ReadModelDatabase.migrate(POSTGRES.database());
        database.generations().registerFirst(CompatibilityReadModel.NAME);
        CompatibilityProjection projection = new CompatibilityProjection(database.jdbc(), 1);
        CompatibilityQueryHandler queries = new CompatibilityQueryHandler(database.jdbc(), database.generations());

        for (int delivery = 0; delivery < 2; delivery++) {
            projection.on(new DatabaseRegistered("legacy", List.of("staging", "production")));
            projection.on(imported("0001_create_users", "1.0.0", "staging", true, true), 2, RAN);
            projection.on(imported("0001_create_users", "1.0.0", "production", true, false), 3, RAN);
            projection.on(imported("0002_add_email", "1.1.0", "production", false, true), 4, RAN);
        }

        Map<String, String> first = queries.handle(new GetCompatibility("legacy"))
                .orElseThrow()
                .grid()
                .get(0)
                .environments();
        MigrationView second =
                queries.handle(new GetMigration("legacy", "0002_add_email")).orElseThrow();
        assertThat(first).containsEntry("staging", "APPLIED").containsEntry("production", "APPLIED");
        assertThat(second.state()).isEqualTo("IMPORTED");
        assertThat(second.environments()).anySatisfy(status -> {
            assertThat(status.environment()).isEqualTo("production");
            assertThat(status.status()).isEqualTo("FAILED");
        });
    }

    private static MigrationRunImported imported(
            String id, String version, String environment, boolean success, boolean newToLedger) {
        return new MigrationRunImported(
                "legacy",
                environment,
                "flyway_schema_history",
                id,
                version,
                "from history",
                "V1__x.sql",
                "imported:12345",
                "deploy",
                RAN,
                120L,
                success,
                false,
                newToLedger);
    }
}
