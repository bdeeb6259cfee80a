package org.migrationledger.client.spool;

import java.nio.file.Path;
import java.time.Duration;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerUnreachableException;
import org.migrationledger.client.http.LedgerWrite;

/**
 * Delivers facts to the ledger without losing one: while earlier reports wait in the spool, new ones queue behind them
 * (the ledger judges facts in the order they arrive); when the ledger is unreachable, the report is spooled or the
 * failure raised, as {@link OnUnreachable} says.
 */
public final class Delivery {

    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofSeconds(30);

    private final LedgerClient client;
    private final Spool spool;
    private final OnUnreachable onUnreachable;
    private final Duration quietPeriod;
    private long unreachableUntil;
    private String unreachableBecause;

    public Delivery(LedgerClient client, Spool spool, OnUnreachable onUnreachable) {
        this(client, spool, onUnreachable, DEFAULT_QUIET_PERIOD);
    }

    /**
     * @param quietPeriod after the ledger was found unreachable, how long further reports go straight to the spool
     *     instead of waiting through the retries again (a long Flyway run is not slowed down by a ledger outage)
     */
    public Delivery(LedgerClient client, Spool spool, OnUnreachable onUnreachable, Duration quietPeriod) {
        this.client = client;
        this.spool = spool;
        this.onUnreachable = onUnreachable;
        this.quietPeriod = quietPeriod;
    }

    /** Sends the write, or spools it; the answer is empty when it was spooled. */
    public Outcome deliver(LedgerWrite write) {
        if (unreachableBecause != null && System.nanoTime() - unreachableUntil < 0) {
            return queue(write, unreachableBecause);
        }
        if (!spool.isEmpty()) {
            Spool.FlushResult flushed = spool.flush(client, step -> {});
            if (!flushed.complete()) {
                markUnreachable(flushed.unreachable());
                return queue(write, "earlier reports still wait in the spool: " + flushed.unreachable());
            }
        }
        try {
            return new Outcome(client.send(write), null);
        } catch (LedgerUnreachableException e) {
            markUnreachable(e.getMessage());
            if (onUnreachable == OnUnreachable.FAIL) {
                throw e;
            }
            return queue(write, e.getMessage());
        }
    }

    private void markUnreachable(String why) {
        unreachableBecause = why;
        unreachableUntil = System.nanoTime() + quietPeriod.toNanos();
    }

    public Spool spool() {
        return spool;
    }

    private Outcome queue(LedgerWrite write, String why) {
        if (onUnreachable == OnUnreachable.FAIL) {
            throw new LedgerUnreachableException("Not sent: " + why, null);
        }
        return new Outcome(null, spool.add(write));
    }

    /**
     * @param answer the ledger's answer; null when the write was spooled
     * @param spooledTo the spool file; null when the write was sent
     */
    public record Outcome(LedgerAnswer answer, Path spooledTo) {

        public boolean spooled() {
            return spooledTo != null;
        }
    }
}
