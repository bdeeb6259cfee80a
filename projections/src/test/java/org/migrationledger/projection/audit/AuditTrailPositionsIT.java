package org.migrationledger.projection.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.migrationledger.projection.LedgerEvents.applied;

import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.events.LedgerEvent;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.testsupport.FreshPostgresDatabase;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Rows sit at the position the store gave their event, whatever order the processor delivers events in. */
class AuditTrailPositionsIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    private static ReadModelDatabase database;
    private static AuditTrailProjection projection;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.migrate(POSTGRES.database());
        database.generations().registerFirst(AuditTrailReadModel.NAME);
        projection = new AuditTrailProjection(database.jdbc(), 1);
    }

    @Test
    void anEventThatCommittedLateKeepsItsOwnPositionBesideTheLaterOnes() {
        LedgerEvent late = applied("0003_change", "ci", T);
        LedgerEvent first = applied("0004_change", "ci", T);
        LedgerEvent second = applied("0005_change", "ci", T);
        database.store(900, "late", "late-db", 1);
        database.store(901, "first", "late-db", 2);
        database.store(902, "second", "late-db", 3);

        deliver(first, "first", 2);
        deliver(second, "second", 3);
        deliver(late, "late", 1);
        deliver(first, "first", 2);

        assertThat(database.jdbc()
                        .sql("""
                                select global_index, event_id from audit_event
                                where event_id in ('late', 'first', 'second')
                                order by global_index
                                """)
                        .query((rs, row) -> rs.getLong(1) + "=" + rs.getString(2))
                        .list())
                .containsExactly("900=late", "901=first", "902=second");
    }

    @Test
    void anotherEventAtTheSamePositionStopsTheProjectionInsteadOfBeingDropped() {
        database.store(950, "stored-950", "conflict-db", 1);
        database.jdbc().sql("""
                        insert into audit_event (generation, global_index, event_id, database_name, sequence_number,
                                                 event_type, recorded_at, summary, payload)
                        values (1, 950, 'foreign', 'conflict-db', 9, 'MigrationApplied', now(), 'x', '{}')
                        """).update();

        assertThatThrownBy(() -> deliver(applied("0006_change", "ci", T), "stored-950", 1))
                .isInstanceOf(AuditTrailConflict.class)
                .hasMessageContaining("stored-950");
        assertThatThrownBy(() -> deliver(applied("0006_change", "ci", T), "never-stored", 2))
                .isInstanceOf(AuditTrailConflict.class)
                .hasMessageContaining("holds no event");
    }

    @Test
    void aProcessorBatchIsWrittenWhenItCommitsAndAFailedBatchIsRetriedOneEventAtATime() {
        database.store(1000, "batch-a", "batch-db", 1);
        database.store(1001, "batch-b", "batch-db", 2);
        List<String> ids = List.of("batch-a", "batch-missing", "batch-b");

        UnitOfWork<?> first = inTransaction(DefaultUnitOfWork.startAndGet(null));
        for (int i = 0; i < ids.size(); i++) {
            deliver(applied("0007_change", "ci", T), ids.get(i), i + 1);
        }
        assertThat(rowsOf("batch-"))
                .as("nothing is written before the batch commits")
                .isEmpty();
        assertThatThrownBy(first::commit)
                .isInstanceOf(AuditTrailConflict.class)
                .hasMessageContaining("batch-missing")
                .hasMessageContaining("holds no event");
        assertThat(rowsOf("batch-")).as("nothing of the failed batch is kept").isEmpty();

        UnitOfWork<?> retry = inTransaction(DefaultUnitOfWork.startAndGet(null));
        deliver(applied("0007_change", "ci", T), "batch-a", 1);
        assertThat(rowsOf("batch-"))
                .as("on the retry the batch's events are written one by one, at once")
                .containsExactly("batch-a");
        assertThatThrownBy(() -> deliver(applied("0007_change", "ci", T), "batch-missing", 2))
                .as("the failure is the event's own")
                .isInstanceOf(AuditTrailConflict.class)
                .hasMessageContaining("batch-missing");
        retry.rollback();

        UnitOfWork<?> later = inTransaction(DefaultUnitOfWork.startAndGet(null));
        deliver(applied("0007_change", "ci", T), "batch-a", 1);
        deliver(applied("0007_change", "ci", T), "batch-b", 3);
        later.commit();
        assertThat(rowsOf("batch-")).containsExactly("batch-a", "batch-b");
    }

    @AfterEach
    void endUnitsOfWorkLeftByAFailure() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    private static UnitOfWork<?> inTransaction(UnitOfWork<?> unitOfWork) {
        unitOfWork.attachTransaction(
                new SpringTransactionManager(new DataSourceTransactionManager(database.dataSource())));
        return unitOfWork;
    }

    private static List<String> rowsOf(String eventIdPrefix) {
        return database.jdbc()
                .sql("select event_id from audit_event where event_id like ? order by global_index")
                .param(eventIdPrefix + "%")
                .query(String.class)
                .list();
    }

    private static void deliver(LedgerEvent event, String eventId, long sequence) {
        projection.on(event, eventId, sequence, T, MetaData.emptyInstance());
    }
}
