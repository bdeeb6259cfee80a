package org.migrationledger.projection.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.applied;
import static org.migrationledger.projection.LedgerEvents.approved;
import static org.migrationledger.projection.LedgerEvents.checksum;
import static org.migrationledger.projection.LedgerEvents.expand;
import static org.migrationledger.projection.LedgerEvents.registered;
import static org.migrationledger.projection.ReadModelDatabase.twice;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.events.DatabaseRegistered;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.api.queries.FindDrift;
import org.migrationledger.projection.LedgerEvents;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.testsupport.FreshPostgresDatabase;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * History imported from before the ledger governed a database is judged as what ran, not as what a pipeline did:
 * never as unapproved or out of order, never against environments the ledger knows nothing about, and its tool
 * checksums only against checksums of the same kind.
 */
class ImportedHistoryDriftIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final List<String> LEGACY_PATH = List.of("ci", "staging", "production");
    private static final Instant RAN = Instant.parse("2024-05-01T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private static ReadModelDatabase database;
    private static DriftProjection projection;
    private static DriftQueryHandler queries;
    private static long sequence;

    @BeforeAll
    static void readModel() {
        database = ReadModelDatabase.migrate(POSTGRES.database());
        database.generations().registerFirst(DriftReadModel.NAME);
        projection = new DriftProjection(database.jdbc(), 1);
        queries = new DriftQueryHandler(
                database.jdbc(),
                database.generations(),
                DriftSettings.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                new DataSourceTransactionManager(database.dataSource()));
    }

    @Test
    void anImportedEnvironmentAloneIsNoDrift() {
        register("legacy_alone");
        importRun("legacy_alone", "production", "0001_create_users", "1.0.0", "imported:flyway-crc32:111", true, true);
        importRun("legacy_alone", "production", "0002_add_email", "1.1.0", "imported:flyway-crc32:222", true, true);

        assertThat(findings("legacy_alone")).isEmpty();
    }

    @Test
    void importedToolChecksumsAreComparedWithEachOther() {
        register("legacy_crc");
        importRun("legacy_crc", "staging", "0001_create_users", "1.0.0", "imported:flyway-crc32:111", true, true);
        importRun("legacy_crc", "staging", "0002_add_email", "1.1.0", "imported:flyway-crc32:222", true, true);
        importRun("legacy_crc", "production", "0001_create_users", "1.0.0", "imported:flyway-crc32:111", true, false);
        importRun("legacy_crc", "production", "0002_add_email", "1.1.0", "imported:flyway-crc32:999", true, false);

        List<DriftFindingView> findings = findings("legacy_crc");

        assertThat(findings)
                .extracting(DriftFindingView::kind, DriftFindingView::environment, DriftFindingView::migrationId)
                .containsExactly(tuple("CHECKSUM_MISMATCH", "production", "0002_add_email"));
        assertThat(findings.get(0).detail())
                .isEqualTo("0002_add_email ran in production (per its imported history) with checksum"
                        + " imported:flyway-crc32:999, but in staging (per its imported history) with checksum"
                        + " imported:flyway-crc32:222.");
    }

    @Test
    void anImportedRunIsMissingOnlyWhereTheLedgerKnowsWhatRan() {
        register("legacy_gap");
        importRun("legacy_gap", "ci", "0001_create_users", "1.0.0", "imported:flyway-crc32:111", true, true);
        importRun("legacy_gap", "production", "0001_create_users", "1.0.0", "imported:flyway-crc32:111", true, false);
        importRun("legacy_gap", "production", "0002_add_email", "1.1.0", "imported:flyway-crc32:222", true, true);

        List<DriftFindingView> findings = findings("legacy_gap");

        assertThat(findings)
                .extracting(DriftFindingView::kind, DriftFindingView::environment, DriftFindingView::migrationId)
                .containsExactly(tuple("MISSING_IN_EARLIER_ENVIRONMENT", "production", "0002_add_email"));
        assertThat(findings.get(0).detail())
                .isEqualTo("0002_add_email is applied in production (per its imported history) but not in ci, which"
                        + " comes before it in the promotion path.");
    }

    @Test
    void aRunTheHistoryRecordsAsFailedIsUnresolvedDrift() {
        register("legacy_failed");
        importRun("legacy_failed", "production", "0001_create_users", "1.0.0", "imported:flyway-crc32:1", true, true);
        importRun("legacy_failed", "production", "0002_add_email", "1.1.0", "imported:flyway-crc32:2", false, true);

        assertThat(findings("legacy_failed")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo("FAILED_UNRESOLVED");
            assertThat(finding.migrationId()).isEqualTo("0002_add_email");
            assertThat(finding.detail())
                    .isEqualTo("0002_add_email failed in production at 2024-05-01T08:00:00Z (recorded as"
                            + " failed in flyway_schema_history) and has been neither applied since nor"
                            + " rolled back.");
        });
    }

    @Test
    void reportedAppliesAreJudgedAgainstWhatTheImportSaysRan() {
        twice(() -> projection.on(registered()));
        long proposedFirst = ++sequence;
        twice(() -> projection.on(expand("0001_a", "1.1.0"), proposedFirst, RAN));
        long proposedSecond = ++sequence;
        twice(() -> projection.on(expand("0002_b", "1.2.0"), proposedSecond, RAN));
        long approval = ++sequence;
        twice(() -> projection.on(approved("0001_a", "dora", true), approval, RAN));
        // Production already ran 0002_b before the ledger knew it, from a script that is not the one proposed.
        importRun(DB, "production", "0002_b", "1.2.0", "a".repeat(64), true, false);
        for (String environment : LedgerEvents.PATH) {
            long applied = ++sequence;
            twice(() -> projection.on(applied("0001_a", environment, NOW), applied, NOW));
        }

        assertThat(findings(DB))
                .extracting(DriftFindingView::kind, DriftFindingView::environment, DriftFindingView::migrationId)
                .containsExactlyInAnyOrder(
                        tuple("PROMOTION_ORDER", "production", null),
                        tuple("OUT_OF_ORDER", "production", "0001_a"),
                        tuple("CHECKSUM_MISMATCH", "production", "0002_b"),
                        tuple("MISSING_IN_EARLIER_ENVIRONMENT", "production", "0002_b"));
        assertThat(findings(DB))
                .filteredOn(finding -> finding.kind().equals("CHECKSUM_MISMATCH"))
                .extracting(DriftFindingView::detail)
                .containsExactly("0002_b ran in production (per its imported history) with checksum aaaaaaaaaaaa…,"
                        + " but the proposed script has checksum "
                        + checksum("0002_b").substring(0, 12) + "….");
    }

    private static void register(String name) {
        twice(() -> projection.on(new DatabaseRegistered(name, LEGACY_PATH)));
    }

    private static void importRun(
            String name,
            String environment,
            String migrationId,
            String version,
            String checksum,
            boolean success,
            boolean newToLedger) {
        long seq = ++sequence;
        MigrationRunImported run = new MigrationRunImported(
                name,
                environment,
                "flyway_schema_history",
                migrationId,
                version,
                "from history",
                "V" + version + "__x.sql",
                checksum,
                "deploy",
                RAN,
                120L,
                success,
                false,
                newToLedger);
        twice(() -> projection.on(run, seq, NOW));
    }

    private static List<DriftFindingView> findings(String name) {
        return queries.handle(new FindDrift(name)).orElseThrow().findings();
    }
}
