package org.migrationledger.projection.rebuild;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A processor of one read-model generation together with the threads it runs on. */
record RunningProcessor(
        String readModel,
        String processorName,
        PooledStreamingEventProcessor processor,
        ExecutorService coordinator,
        ExecutorService workers,
        Runnable releaseDeadLetters) {

    private static final Logger LOG = LoggerFactory.getLogger(RunningProcessor.class);

    void start() {
        processor.start();
        LOG.info("Started processor {} of read model {}", processorName, readModel);
    }

    void stop() {
        try {
            processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Processor {} did not shut down cleanly", processorName, e);
        } finally {
            releaseDeadLetters.run();
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
        LOG.info("Stopped processor {} of read model {}", processorName, readModel);
    }
}
