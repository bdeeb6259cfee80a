package org.migrationledger.projection.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.expand;
import static org.migrationledger.projection.LedgerEvents.failed;
import static org.migrationledger.projection.LedgerEvents.registered;
import static org.migrationledger.projection.ReadModelDatabase.twice;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.events.MigrationHistoryRepaired;
import org.migrationledger.api.events.MigrationHistoryRepaired.RepairedEntry;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.api.queries.FindDrift;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.testsupport.FreshPostgresDatabase;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A repair that removed failed runs from a history resolves their failures; other failures stay open. */
class HistoryRepairDriftIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void failuresTheRepairRemovedAreNoLongerDrift() {
        ReadModelDatabase database = ReadModelDatabase.migrate(POSTGRES.database());
        database.generations().registerFirst(DriftReadModel.NAME);
        DriftProjection projection = new DriftProjection(database.jdbc(), 1);
        DriftQueryHandler queries = new DriftQueryHandler(
                database.jdbc(),
                database.generations(),
                DriftSettings.defaults(),
                Clock.fixed(T, ZoneOffset.UTC),
                new DataSourceTransactionManager(database.dataSource()));

        twice(() -> projection.on(registered()));
        twice(() -> projection.on(expand("0001_a", "1.1.0"), 1, T));
        twice(() -> projection.on(expand("0002_b", "1.2.0"), 2, T));
        twice(() -> projection.on(failed("0001_a", "ci"), 3, T));
        twice(() -> projection.on(failed("0002_b", "ci"), 4, T));
        twice(() -> projection.on(failed("0002_b", "local"), 5, T));
        MigrationHistoryRepaired repair = new MigrationHistoryRepaired(
                DB,
                "ci",
                "flyway",
                List.of(
                        new RepairedEntry("0001_a", "1.1.0", "a", "V1.1.0__a.sql"),
                        new RepairedEntry("0002_b", "1.2.0", "b", "V1.2.0__b.sql")),
                List.of(),
                List.of());
        twice(() -> projection.on(repair, 6, T));

        assertThat(queries.handle(new FindDrift(DB)).orElseThrow().findings())
                .extracting(DriftFindingView::kind, DriftFindingView::environment, DriftFindingView::migrationId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FAILED_UNRESOLVED", "local", "0002_b"));
    }
}
