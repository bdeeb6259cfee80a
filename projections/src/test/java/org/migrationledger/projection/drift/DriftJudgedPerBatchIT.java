package org.migrationledger.projection.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.expand;
import static org.migrationledger.projection.LedgerEvents.failed;
import static org.migrationledger.projection.LedgerEvents.registered;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.api.queries.FindDrift;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.testsupport.FreshPostgresDatabase;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** In a processor's unit of work the findings are judged once, when the batch commits, not after every event. */
class DriftJudgedPerBatchIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void judgesTheDatabasesOfABatchWhenItCommits() {
        ReadModelDatabase database = ReadModelDatabase.migrate(POSTGRES.database());
        database.generations().registerFirst(DriftReadModel.NAME);
        DriftProjection projection = new DriftProjection(database.jdbc(), 1);
        DriftQueryHandler queries = new DriftQueryHandler(
                database.jdbc(),
                database.generations(),
                DriftSettings.defaults(),
                Clock.fixed(T, ZoneOffset.UTC),
                new DataSourceTransactionManager(database.dataSource()));

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        projection.on(registered());
        projection.on(expand("0001_a", "1.1.0"), 1, T);
        projection.on(failed("0001_a", "staging"), 2, T);
        long beforeCommit = database.jdbc()
                .sql("select count(*) from drift_finding")
                .query(Long.class)
                .single();
        batch.commit();

        assertThat(beforeCommit).isZero();
        assertThat(queries.handle(new FindDrift(DB)).orElseThrow().findings())
                .extracting(DriftFindingView::kind, DriftFindingView::migrationId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FAILED_UNRESOLVED", "0001_a"));
    }
}
