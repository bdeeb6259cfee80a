package org.migrationledger.projection.rebuild;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A pass that runs on its own daemon thread at a fixed delay while the application runs; a failing pass is logged and
 * the next one runs as planned, so one bad read of the database does not end the watch.
 */
public abstract class RepeatingPass implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RepeatingPass.class);

    private final String threadName;
    private final Duration initialDelay;
    private final Duration delay;
    private final int phase;
    private volatile ScheduledExecutorService scheduler;

    protected RepeatingPass(String threadName, Duration initialDelay, Duration delay, int phase) {
        this.threadName = threadName;
        this.initialDelay = initialDelay;
        this.delay = delay;
        this.phase = phase;
    }

    /** One pass; called on the pass's own thread, never concurrently with itself. */
    protected abstract void pass();

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                this::passQuietly, initialDelay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return phase;
    }

    private void passQuietly() {
        try {
            pass();
        } catch (RuntimeException e) {
            LOG.warn("{} pass failed", threadName, e);
        }
    }
}
