package org.migrationledger.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Turns off the event store's shared in-memory stream (Axon's {@code optimize-event-consumption}, which its builder
 * reads from a system property only) before any bean exists. While seven read models caught up with a million events
 * at different speeds, that stream's linked list held 300 k events ({@code EmbeddedEventStore$Node}) between the
 * slowest and the fastest processor, filled the 512 MB heap and stalled the service in GC (docs/benchmarks.md). Each
 * processor reads its own pages from the database instead, as a catching-up processor does anyway. Set
 * {@code ledger.event-store.shared-stream=true} to have Axon's default back.
 */
public class PrivateEventStreams implements EnvironmentPostProcessor {

    static final String AXON_PROPERTY = "optimize-event-consumption";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(AXON_PROPERTY) == null) {
            System.setProperty(AXON_PROPERTY, environment.getProperty("ledger.event-store.shared-stream", "false"));
        }
    }
}
