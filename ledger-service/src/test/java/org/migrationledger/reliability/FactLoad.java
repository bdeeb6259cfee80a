package org.migrationledger.reliability;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.migrationledger.LedgerServiceIT.Reply;
import org.migrationledger.ProposalBody;

/**
 * Pipelines proposing migrations to one database as fast as they are answered, each proposal under its own
 * {@code Idempotency-Key} and retried with that key, as the ledger's client does, until it is acknowledged: on a
 * 503 (which must carry {@code Retry-After} and a problem document) and on a node that stopped answering. Every other
 * answer is unexpected and kept for the test to show.
 */
final class FactLoad implements AutoCloseable {

    /** Pacing between retries of the client, shorter than the Retry-After the ledger asks for, to keep tests short. */
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    private final List<String> databases;
    private final List<LedgerNode> nodes;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();
    private final AtomicInteger nextNode = new AtomicInteger();

    final AtomicInteger attempted = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger connectionFailures = new AtomicInteger();
    final AtomicLong maxLatencyMillis = new AtomicLong();
    final Map<String, Instant> acknowledged = new ConcurrentHashMap<>();
    /** How each write was acknowledged: its key, whether the answer was a replay, and the position reported. */
    final Map<String, String> acknowledgements = new ConcurrentHashMap<>();

    final Map<String, AtomicInteger> acknowledgedByNode = new ConcurrentHashMap<>();
    final List<String> unexpected = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<String> unanswered = new ConcurrentLinkedQueue<>();

    /**
     * @param databases client c proposes to database c modulo their number
     * @param nodes the nodes requests are spread over, round robin; a closed node is skipped
     */
    FactLoad(List<String> databases, List<LedgerNode> nodes) {
        this.databases = databases;
        this.nodes = nodes;
    }

    /**
     * @param label starts every migration id of this load
     * @param series makes the versions of this load unique in the database: client c's nth is (100·series + c).n.0
     */
    FactLoad start(int clientCount, String label, int series) {
        for (int client = 0; client < clientCount; client++) {
            int id = client;
            Thread thread = new Thread(() -> run(id, label, series), "fact-load-" + label + "-" + client);
            thread.setDaemon(true);
            clients.add(thread);
            thread.start();
        }
        return this;
    }

    private void run(int client, String label, int series) {
        for (int n = 1; !stopping.get(); n++) {
            String migrationId = String.format("%d%02d%05d_%s_fact", series, client, n, label);
            String version = (100 * series + client + 1) + "." + n + ".0";
            String body = ProposalBody.of(
                            migrationId, version, "alter table t" + client + " add column c" + n + " int;")
                    .json();
            attempted.incrementAndGet();
            write(databases.get(client % databases.size()), migrationId, body);
        }
    }

    /** Retries one proposal under one key until it is acknowledged, or gives up once the load stops for long. */
    private void write(String database, String migrationId, String body) {
        String key = UUID.randomUUID().toString();
        Instant giveUp = Instant.MAX;
        int requestsForThisWrite = 0;
        while (true) {
            requestsForThisWrite++;
            if (stopping.get() && giveUp == Instant.MAX) {
                giveUp = Instant.now().plusSeconds(30);
            }
            if (Instant.now().isAfter(giveUp)) {
                unanswered.add(migrationId);
                return;
            }
            LedgerNode node = pickNode();
            if (node == null) {
                unanswered.add(migrationId);
                return;
            }
            long started = System.nanoTime();
            try {
                requests.incrementAndGet();
                Reply reply = node.send(
                        "POST", "/api/v1/databases/" + database + "/migrations", "alice", body, "Idempotency-Key", key);
                maxLatencyMillis.accumulateAndGet(
                        Duration.ofNanos(System.nanoTime() - started).toMillis(), Math::max);
                if (reply.status() == 201) {
                    acknowledged.put(migrationId, Instant.now());
                    acknowledgements.put(
                            migrationId,
                            "key " + key + ", replayed " + reply.header("Idempotent-Replayed") + ", position "
                                    + reply.header("Ledger-Position") + ", after " + requestsForThisWrite
                                    + " requests");
                    acknowledgedByNode
                            .computeIfAbsent(node.name(), name -> new AtomicInteger())
                            .incrementAndGet();
                    return;
                }
                if (reply.status() == 503
                        && reply.header("Retry-After") != null
                        && reply.text().contains("\"status\":503")) {
                    unavailable.incrementAndGet();
                } else {
                    unexpected.add(migrationId + " on " + node.name() + ": " + reply.status() + " " + reply.text());
                    return;
                }
            } catch (IOException e) {
                long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
                maxLatencyMillis.accumulateAndGet(took, Math::max);
                if (took >= LedgerNode.REQUEST_BOUND.toMillis()) {
                    unexpected.add(migrationId + " on " + node.name() + ": no answer in " + took + " ms");
                }
                connectionFailures.incrementAndGet();
            }
            pause();
        }
    }

    private LedgerNode pickNode() {
        // One draw per write, then every node from there: drawing per try let two clients' draws interleave so that
        // one client saw only the stopped node and gave up its write while the other node was answering.
        int first = nextNode.getAndIncrement();
        for (int tried = 0; tried < nodes.size(); tried++) {
            LedgerNode node = nodes.get(Math.floorMod(first + tried, nodes.size()));
            if (node.isRunning()) {
                return node;
            }
        }
        return null;
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    /** Polls until the condition holds, or fails the test at the deadline. */
    static void await(String what, Duration deadline, BooleanSupplier condition) {
        Instant end = Instant.now().plus(deadline);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Timed out after " + deadline.toSeconds() + " s waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting until " + what, e);
            }
        }
    }

    /** Waits until this many more writes are acknowledged than now. */
    void awaitMoreAcknowledged(int more, Duration deadline) {
        int target = acknowledgedCount() + more;
        await(more + " more writes are acknowledged (" + this + ")", deadline, () -> acknowledgedCount() >= target);
    }

    /** Stops starting new writes and waits until every write begun is acknowledged or given up. */
    @Override
    public void close() {
        stopping.set(true);
        for (Thread client : clients) {
            try {
                client.join(Duration.ofSeconds(40).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "attempted " + attempted + ", acknowledged " + acknowledgedCount() + ", requests " + requests + ", 503 "
                + unavailable + ", connection failures " + connectionFailures + ", max latency " + maxLatencyMillis
                + " ms, unexpected " + unexpected.size() + ", unanswered " + unanswered.size();
    }
}
