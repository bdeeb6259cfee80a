package org.migrationledger.projection.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.migrationledger.projection.LedgerEvents.applied;

import java.time.Instant;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.events.LedgerEvent;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.testsupport.FreshPostgresDatabase;

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

    private static void deliver(LedgerEvent event, String eventId, long sequence) {
        projection.on(event, eventId, sequence, T, MetaData.emptyInstance());
    }
}
