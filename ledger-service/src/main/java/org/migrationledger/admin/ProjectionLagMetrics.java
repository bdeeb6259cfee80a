package org.migrationledger.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.migrationledger.projection.rebuild.DeadLetters;
import org.migrationledger.projection.rebuild.Generations;
import org.migrationledger.projection.rebuild.ProcessorPositions;
import org.migrationledger.projection.rebuild.ReadModel;
import org.springframework.stereotype.Component;

/**
 * {@code ledger_projection_lag_events{read_model=…}}: how many events the serving generation of each read model has
 * yet to process. Readers with {@code ?minPosition=} wait out this lag, so it is the figure to alert on before they
 * start answering {@code Ledger-Stale: true}. Read on each scrape, from the live processor status where this node
 * runs the segments. Events the serving generation set aside as dead letters count as not processed: the processor
 * went past them, but the read model does not hold them.
 */
@Component
class ProjectionLagMetrics implements MeterBinder {

    static final String NAME = "ledger.projection.lag";

    private final List<ReadModel> readModels;
    private final Generations generations;
    private final ProcessorPositions positions;
    private final EventStore eventStore;
    private final DeadLetters deadLetters;

    ProjectionLagMetrics(
            List<ReadModel> readModels,
            Generations generations,
            ProcessorPositions positions,
            EventStore eventStore,
            DeadLetters deadLetters) {
        this.readModels = List.copyOf(readModels);
        this.generations = generations;
        this.positions = positions;
        this.eventStore = eventStore;
        this.deadLetters = deadLetters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ReadModel model : readModels) {
            Gauge.builder(NAME, () -> lag(model.name()))
                    .tag("read_model", model.name())
                    .baseUnit("events")
                    .description("Events stored that the serving generation of the read model has not processed yet")
                    .register(registry);
        }
    }

    long lag(String readModel) {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        String processor = ReadModel.processorName(readModel, generations.active(readModel));
        long processed = positions.processedUpTo(processor).orElse(-1);
        return Math.max(0, head - processed) + deadLetters.countOfProcessor(processor);
    }
}
