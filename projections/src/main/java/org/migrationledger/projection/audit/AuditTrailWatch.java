package org.migrationledger.projection.audit;

import java.time.Duration;
import java.util.Optional;
import org.migrationledger.projection.rebuild.GenerationState;
import org.migrationledger.projection.rebuild.GenerationView;
import org.migrationledger.projection.rebuild.Generations;
import org.migrationledger.projection.rebuild.ProjectionRebuilds;
import org.migrationledger.projection.rebuild.ProjectionSettings;
import org.migrationledger.projection.rebuild.RebuildRefused;
import org.migrationledger.projection.rebuild.RepeatingPass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the serving audit trail faithful to the event store. At start-up and then every
 * {@code ledger.projection.consistency-full-check-interval} it checks the whole active generation; in between, every
 * {@code ledger.projection.consistency-check-interval}, only what was processed since the last clean check plus a
 * recent tail (an event that committed long after its position was handed out lands behind the processed position),
 * so that a pass costs the same on a ledger of a million events as on a new one, on every node. A generation that
 * misses events (an installation that ran before rows were keyed on the event's identity, or a processor that skipped
 * an event) is rebuilt, and the rebuilt generation is switched in once it checks clean itself. The usual switch rule
 * (equal to the active generation) cannot apply here: the active one is the broken side.
 */
@Component
public class AuditTrailWatch extends RepeatingPass {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrailWatch.class);

    /** Positions before the clean mark that an incremental check judges again. */
    static final long RECHECKED_TAIL = 10_000;

    private final AuditTrailConsistency consistency;
    private final Generations generations;
    private final ProjectionRebuilds rebuilds;
    private final ProjectionSettings settings;
    private volatile AuditTrailConsistencyView lastCheck;
    private volatile long nextCheckNanos = System.nanoTime();
    private volatile boolean repairing;
    private volatile int cleanGeneration = -1;
    private volatile long cleanThrough = -1;
    private volatile long nextFullCheckNanos = System.nanoTime();

    AuditTrailWatch(
            AuditTrailConsistency consistency,
            Generations generations,
            ProjectionRebuilds rebuilds,
            ProjectionSettings settings) {
        super("audit-trail-watch", Duration.ZERO, settings.reconcileInterval(), Integer.MAX_VALUE - 1000);
        this.consistency = consistency;
        this.generations = generations;
        this.rebuilds = rebuilds;
        this.settings = settings;
    }

    /** The latest check of the serving generation; empty before the first one ran. */
    public Optional<AuditTrailConsistencyView> lastCheck() {
        return Optional.ofNullable(lastCheck);
    }

    /** One pass: a due check of the serving generation, then a step of the repair if one is under way. */
    @Override
    protected void pass() {
        if (System.nanoTime() - nextCheckNanos >= 0) {
            AuditTrailConsistencyView check = checkActive();
            lastCheck = check;
            repairing = !check.consistent();
            // Until the processor has claimed its segments nothing can be judged: check again on the next pass.
            nextCheckNanos = System.nanoTime()
                    + (check.toPosition() < 0
                            ? 0
                            : settings.consistencyCheckInterval().toNanos());
        }
        if (repairing) {
            repairStep(lastCheck);
        }
    }

    private AuditTrailConsistencyView checkActive() {
        int active = generations.active(AuditTrailReadModel.NAME);
        boolean full = active != cleanGeneration || System.nanoTime() - nextFullCheckNanos >= 0;
        long from = full ? 0 : Math.max(0, cleanThrough - RECHECKED_TAIL);
        AuditTrailConsistencyView check = consistency.check(active, from, null);
        if (check.consistent() && check.toPosition() >= 0) {
            cleanThrough = full ? check.toPosition() : Math.max(cleanThrough, check.toPosition());
            cleanGeneration = active;
            if (full) {
                nextFullCheckNanos = System.nanoTime()
                        + settings.consistencyFullCheckInterval().toNanos();
            }
        }
        return check;
    }

    private void repairStep(AuditTrailConsistencyView broken) {
        Optional<GenerationView> ready = generations.inState(AuditTrailReadModel.NAME, GenerationState.READY);
        if (ready.isPresent()) {
            switchIfClean(ready.get());
        } else if (generations
                .inState(AuditTrailReadModel.NAME, GenerationState.BUILDING)
                .isEmpty()) {
            LOG.error(
                    "The audit trail (generation {}) misses {} stored events (first at position {}) and holds {}"
                            + " rows that match no stored event: rebuilding it from the event store",
                    broken.generation(),
                    broken.missing(),
                    broken.firstMissingPosition(),
                    broken.unexpected());
            try {
                rebuilds.start(AuditTrailReadModel.NAME, false);
            } catch (RebuildRefused alreadyStarted) {
                LOG.info("A rebuild of the audit trail is already under way: {}", alreadyStarted.getMessage());
            }
        }
    }

    private void switchIfClean(GenerationView ready) {
        AuditTrailConsistencyView rebuilt = consistency.check(ready.generation(), 0, null);
        if (!rebuilt.consistent()) {
            LOG.error(
                    "The rebuilt audit trail (generation {}) is not consistent with the event store either ({} missing,"
                            + " {} unexpected); it is not switched in",
                    ready.generation(),
                    rebuilt.missing(),
                    rebuilt.unexpected());
            return;
        }
        try {
            rebuilds.switchToReady(AuditTrailReadModel.NAME, true);
            LOG.warn(
                    "The audit trail now serves rebuilt generation {}, consistent with the event store up to {}",
                    ready.generation(),
                    rebuilt.toPosition());
            repairing = false;
            nextCheckNanos = System.nanoTime();
        } catch (RebuildRefused switchedElsewhere) {
            LOG.info("The rebuilt audit trail was switched in by another node: {}", switchedElsewhere.getMessage());
        }
    }
}
