package org.migrationledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An event that takes its {@code global_index} early but commits late (a slow transaction) must still reach every
 * read model, although later events committed above it were projected first. The test holds such transactions open
 * on purpose: a trigger on the event table makes inserts of the {@code late-*} ledgers wait for an advisory lock the
 * test holds, so the event has its index and is invisible until the test lets go. One round also puts more than
 * Axon's default gap window ({@code maxGapOffset}, 10 000 positions) between the late event and the next one, as a
 * burst of writes or of rolled-back inserts would; with Axon's defaults that round's event was skipped for good.
 */
class LateCommitIT extends LedgerServiceIT {

    private static final Logger LOG = LoggerFactory.getLogger(LateCommitIT.class);
    private static final long HOLD_LOCK = 4242;
    private static final int ROUNDS = 3;
    private static final int LATER_WRITES_PER_ROUND = 6;
    private static final long WIDE_GAP = 12_000;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** One row per proposal in each read model: its migration table, or its audit row. */
    private static final List<String> READ_MODELS = List.of(
            "version_history_migration",
            "compatibility_migration",
            "drift_migration",
            "fleet_migration",
            "observed_migration",
            "audit_event");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private final List<Proposal> acknowledged = new CopyOnWriteArrayList<>();
    private final AtomicInteger written = new AtomicInteger();

    @Test
    void eventsCommittedOutOfIndexOrderReachEveryReadModel() throws Exception {
        jdbc.sql("""
                create function hold_late_event() returns trigger language plpgsql as $$
                begin
                    perform pg_advisory_xact_lock(%d);
                    return new;
                end;
                $$""".formatted(HOLD_LOCK)).update();
        jdbc.sql("""
                create trigger domain_event_entry_hold_late after insert on domain_event_entry for each row
                when (new.aggregate_identifier like 'late-%') execute function hold_late_event()""").update();
        for (int round = 1; round <= ROUNDS; round++) {
            register("late-" + round);
        }
        for (int i = 1; i <= 3; i++) {
            register("busy-" + i);
        }

        for (int round = 1; round <= ROUNDS; round++) {
            CompletableFuture<Proposal> late;
            try (Connection holder = dataSource.getConnection();
                    Statement statement = holder.createStatement()) {
                statement.execute("select pg_advisory_lock(" + HOLD_LOCK + ")");
                String db = "late-" + round;
                late = CompletableFuture.supplyAsync(() -> propose(db, "0001_late"));
                // The late insert has its global_index once it waits on the lock the test holds.
                await().atMost(PATIENCE).until(this::lateInsertIsWaiting);

                List<Proposal> later = new ArrayList<>();
                for (int i = 1; i <= LATER_WRITES_PER_ROUND; i++) {
                    if (round == ROUNDS && i == LATER_WRITES_PER_ROUND) {
                        widenTheGap(statement);
                    }
                    later.add(propose("busy-" + (1 + i % 3), "%04d_busy".formatted(round * 100 + i)));
                }
                // Every read model has gone past the late event before it commits.
                await().atMost(PATIENCE).until(() -> later.stream().allMatch(this::inEveryReadModel));
                statement.execute("select pg_advisory_unlock(" + HOLD_LOCK + ")");
            }
            assertThat(late.get(30, TimeUnit.SECONDS).db()).isEqualTo("late-" + round);
        }

        try {
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> acknowledged.stream().allMatch(this::inEveryReadModel));
        } catch (ConditionTimeoutException e) {
            LOG.warn("Not every proposal reached every read model within {}", PATIENCE);
        }
        List<String> skipped = acknowledged.stream()
                .filter(p -> !inEveryReadModel(p))
                .map(p -> p.db() + "/" + p.migrationId() + " missing from " + missingFrom(p))
                .toList();
        LOG.info(
                "Late commits: {} proposals written ({} committed late), {} skipped by a read model",
                written.get(),
                ROUNDS,
                skipped.size());
        assertThat(skipped).isEmpty();
    }

    private void register(String db) {
        Reply reply = put("/api/v1/databases/" + db, "admin", null);
        assertThat(reply.status()).as(reply.text()).isIn(200, 201);
    }

    private Proposal propose(String db, String migrationId) {
        Reply reply = post(
                "/api/v1/databases/" + db + "/migrations",
                "alice",
                ProposalBody.of(
                                migrationId,
                                "1.0." + written.incrementAndGet(),
                                "create table t_" + migrationId + " (id bigint);")
                        .json());
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        Proposal proposal = new Proposal(db, migrationId);
        acknowledged.add(proposal);
        return proposal;
    }

    private boolean lateInsertIsWaiting() {
        return jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and objid = ? and not granted")
                        .param(HOLD_LOCK)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** As many positions as a burst of writes or rolled-back inserts would take, without writing them. */
    private static void widenTheGap(Statement statement) throws SQLException {
        statement.execute("select setval('domain_event_entry_global_index_seq', "
                + "nextval('domain_event_entry_global_index_seq') + " + WIDE_GAP + ")");
    }

    private boolean inEveryReadModel(Proposal proposal) {
        return READ_MODELS.stream().allMatch(table -> inReadModel(table, proposal));
    }

    private boolean inReadModel(String table, Proposal proposal) {
        return jdbc.sql("select count(*) from " + table + " where database_name = ? and migration_id = ?")
                        .params(proposal.db(), proposal.migrationId())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private List<String> missingFrom(Proposal proposal) {
        return READ_MODELS.stream()
                .filter(table -> !inReadModel(table, proposal))
                .toList();
    }

    private record Proposal(String db, String migrationId) {}
}
