package org.migrationledger.projection.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.PATH;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.queries.CompatibilityView;
import org.migrationledger.api.queries.GetCompatibility;
import org.migrationledger.api.queries.GridRowView;
import org.migrationledger.api.queries.ReleaseWindowView;
import org.migrationledger.api.queries.RollbackReachView;
import org.migrationledger.naming.VersionOrder;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.projection.history.VersionKeysMigration;
import org.migrationledger.projection.rebuild.Generations;
import org.migrationledger.testsupport.FreshPostgresDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Migrations the read model stored before version keys (V184 and earlier) are keyed by V186 and answered in version
 * order like projected ones, and deployments stored before their tally are counted by V188: in the active generation
 * and in a standby one alike.
 */
class CompatibilityKeysMigrationIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    /** Out of version order, with versions equal in order but not in text, a rejected and a revised-after-rejection. */
    private static final List<Stored> STORED = List.of(
            new Stored("0007_add_tags", "2.0.10", "expand", false, true, true, null),
            new Stored("0001_create_items", "1", "expand", false, true, true, null),
            new Stored("0005_drop_legacy", "2.0.2", "contract", true, false, false, null),
            new Stored("0002_add_note", "1.1", "expand", false, true, true, null),
            new Stored("0006_slow_index", "2.0.3", "expand", false, true, true, 20L),
            new Stored("0003_backfill", "1.1.0", "migrate", false, true, false, null),
            new Stored("0004_reworked", "10", "expand", false, true, true, 2L),
            new Stored("0008_add_flag", "2.0.9", "expand", false, true, true, null));

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void keysTheMigrationsStoredBeforeKeysAndAnswersThemInVersionOrder() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                POSTGRES.database().jdbcUrl(),
                POSTGRES.database().user(),
                POSTGRES.database().password());
        flyway(dataSource).target("184").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (int generation = 1; generation <= 2; generation++) {
            store(jdbc, generation);
        }

        flyway(dataSource).load().migrate();

        for (Stored stored : STORED) {
            assertThat(jdbc.sql("select version_key from compatibility_migration where migration_id = ?")
                            .param(stored.migrationId())
                            .query(byte[].class)
                            .list())
                    .as(stored.migrationId())
                    .hasSize(2)
                    .allSatisfy(key -> assertThat(key).isEqualTo(VersionOrder.sortKey(stored.version())));
        }
        Generations generations = new Generations(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.fixed(ReadModelDatabase.NOW, ZoneOffset.UTC));
        generations.registerFirst(CompatibilityReadModel.NAME);
        CompatibilityView answer = new CompatibilityQueryHandler(jdbc, generations)
                .handle(new GetCompatibility(DB))
                .orElseThrow();
        RollbackCompatibility reference =
                new RollbackCompatibility(STORED.stream().map(Stored::known).toList());
        assertThat(answer.grid())
                .extracting(GridRowView::migrationId)
                .containsExactly(
                        "0001_create_items",
                        "0002_add_note",
                        "0003_backfill",
                        "0005_drop_legacy",
                        "0006_slow_index",
                        "0008_add_flag",
                        "0007_add_tags",
                        "0004_reworked");
        assertThat(answer.rollbackReach()).containsExactlyElementsOf(reference.reach());
        assertThat(answer.rollbackReach())
                .extracting(RollbackReachView::migrationId)
                .doesNotContain("0006_slow_index");
        ReleaseWindowView production = answer.releases().get(3);
        assertThat(production.observedTotal()).as("counted by V188").isEqualTo(3);
        assertThat(production.previousRelease()).isEqualTo("7.2.0");
        assertThat(production.previousReleaseCompatibleVersions()).containsExactly("2.0.2", "2.0.9", "2.0.10", "10");
        assertThat(production.blockingMigrationId()).isNull();
    }

    private static FluentConfiguration flyway(DriverManagerDataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/projections")
                .javaMigrations(new VersionKeysMigration(), new CompatibilityKeysMigration())
                .validateMigrationNaming(true);
    }

    /** Rows as the projection wrote them before V185. */
    private static void store(JdbcClient jdbc, int generation) {
        for (int i = 0; i < PATH.size(); i++) {
            jdbc.sql("insert into compatibility_environment values (?, ?, ?, ?)")
                    .params(generation, DB, PATH.get(i), i)
                    .update();
        }
        for (int release = 1; release <= 3; release++) {
            jdbc.sql("insert into compatibility_release values (?, ?, ?, 'production', ?, '2.0.2', ?, 'ci')")
                    .params(generation, DB, 100 + release, "7.%d.0".formatted(release), Timestamp.from(T))
                    .update();
        }
        long sequence = 5;
        for (Stored stored : STORED) {
            jdbc.sql("""
                            insert into compatibility_migration (generation, database_name, migration_id,
                            proposal_sequence, version, proposed_at, category, breaking, rollback_safe, has_down_script,
                            rejection_sequence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            generation,
                            DB,
                            stored.migrationId(),
                            sequence++,
                            stored.version(),
                            Timestamp.from(T),
                            stored.category(),
                            stored.breaking(),
                            stored.rollbackSafe(),
                            stored.hasDownScript(),
                            stored.rejectionSequence())
                    .update();
        }
    }

    /**
     * @param rejectionSequence when rejected; the rows' proposal sequences run from 5 in list order, so 20 rejects
     *     0006_slow_index after its proposal, and 2 came before 0004_reworked's latest proposal (a revision)
     */
    private record Stored(
            String migrationId,
            String version,
            String category,
            boolean breaking,
            boolean rollbackSafe,
            boolean hasDownScript,
            Long rejectionSequence) {

        RollbackCompatibility.Known known() {
            return new RollbackCompatibility.Known(
                    new MigrationClassification(migrationId, version, category, breaking, hasDownScript, rollbackSafe),
                    rejectionSequence != null && rejectionSequence > 5 + STORED.indexOf(this));
        }
    }
}
