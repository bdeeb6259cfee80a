package org.migrationledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many pipelines writing to one database at the same moment: nothing is refused for having lost a race (no 409 that
 * is not a collision rule, no 500, no 503), the collision rules hold under the race (one id or one version proposed
 * many times at once is recorded once), one Idempotency-Key sent many times at once records once and answers every
 * sender with that answer, and the ledger's stream stays gapless and append-only.
 */
class RacesIT extends LedgerServiceIT {

    private static final int WRITERS = 16;

    @Autowired
    JdbcClient jdbc;

    private ExecutorService pool;

    @BeforeEach
    void register() {
        pool = Executors.newFixedThreadPool(WRITERS);
        assertThat(put("/api/v1/databases/race", "admin", null).status()).isIn(200, 201);
    }

    @AfterEach
    void stopWriters() {
        pool.shutdownNow();
    }

    @Test
    void concurrentFactsOnOneLedgerAreAllRecordedOnce() {
        List<Reply> replies = race(
                WRITERS * 4,
                n -> post(
                        "/api/v1/databases/race/migrations",
                        "alice",
                        ProposalBody.of(String.format("1%03d_race_fact", n), "1." + n + ".0", "select " + n + ";")
                                .json(),
                        n % 2 == 0 ? new String[] {"Idempotency-Key", "fact-" + n} : new String[0]));

        assertThat(statuses(replies)).isEqualTo(Map.of(201, (long) WRITERS * 4));
        assertThat(proposalsOf("1%_race_fact")).isEqualTo(WRITERS * 4);
        assertGaplessStream();
    }

    @Test
    void theSameIdOrVersionProposedAtOnceIsRecordedOnce() {
        List<Reply> sameId = race(
                WRITERS,
                n -> post(
                        "/api/v1/databases/race/migrations",
                        "alice",
                        ProposalBody.of("2000_same_id", "2." + n + ".0", "select 1;")
                                .json()));
        List<Reply> sameVersion = race(
                WRITERS,
                n -> post(
                        "/api/v1/databases/race/migrations",
                        "alice",
                        ProposalBody.of(String.format("3%03d_same_version", n), "3.0.0", "select 1;")
                                .json()));

        assertThat(statuses(sameId)).isEqualTo(Map.of(201, 1L, 409, (long) WRITERS - 1));
        assertThat(statuses(sameVersion)).isEqualTo(Map.of(201, 1L, 409, (long) WRITERS - 1));
        assertThat(proposalsOf("2000_same_id")).isEqualTo(1);
        assertThat(proposalsOf("3%_same_version")).isEqualTo(1);
        assertGaplessStream();
    }

    @Test
    void oneIdempotencyKeySentManyTimesAtOnceRecordsOnce() {
        String body = ProposalBody.of("4000_one_key", "4.0.0", "select 4;").json();
        List<Reply> replies = race(WRITERS, n -> retryWhileInFlight(body));

        assertThat(statuses(replies)).isEqualTo(Map.of(201, (long) WRITERS));
        assertThat(replies.stream().filter(reply -> "true".equals(reply.header("Idempotent-Replayed"))))
                .hasSize(WRITERS - 1);
        assertThat(replies.stream().map(Reply::position).distinct()).hasSize(1);
        assertThat(proposalsOf("4000_one_key")).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql(
                                "update domain_event_entry set payload = payload where aggregate_identifier = 'race'")
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
    }

    /** A sender whose twin still runs is asked to come back (503, Retry-After), as a client does. */
    private Reply retryWhileInFlight(String body) {
        for (int attempt = 0; ; attempt++) {
            Reply reply = post("/api/v1/databases/race/migrations", "alice", body, "Idempotency-Key", "the-one-key");
            if (reply.status() != 503 || attempt > 50) {
                return reply;
            }
            assertThat(reply.header("Retry-After")).isNotNull();
        }
    }

    /** Starts every write at the same moment from its own thread. */
    private List<Reply> race(int writes, IntFunction<Reply> write) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (int n = 0; n < writes; n++) {
            int index = n;
            replies.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return write.apply(index);
                    },
                    pool));
        }
        go.countDown();
        return replies.stream().map(CompletableFuture::join).toList();
    }

    private static Map<Integer, Long> statuses(List<Reply> replies) {
        return replies.stream().collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
    }

    private int proposalsOf(String migrationIdPattern) {
        return jdbc.sql("""
                        select count(*) from domain_event_entry where payload_type like '%MigrationProposed'
                        and convert_from(payload, 'UTF8')::jsonb ->> 'migrationId' like ?""").param(migrationIdPattern).query(Integer.class).single();
    }

    private void assertGaplessStream() {
        assertThat(jdbc.sql("""
                        select count(*) = max(sequence_number) + 1 from domain_event_entry
                        where aggregate_identifier = 'race'""").query(Boolean.class).single())
                .as("sequence numbers 0..n without a gap or a repeat")
                .isTrue();
    }
}
