package org.migrationledger.projection.rebuild;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs one processor per maintained generation of every read model on this node, and keeps that set aligned with
 * {@code projection_generation}, so that a rebuild, switch or rollback started on any node reaches all of them.
 * Segments are shared between nodes through the token store.
 */
@Component
@EnableConfigurationProperties(ProjectionSettings.class)
public class ProjectionProcessors implements SmartLifecycle {

    /** After Axon's own lifecycle starts the event store, and stopped before it. */
    private static final int PHASE = Integer.MAX_VALUE - 2048;

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionProcessors.class);

    private final Map<String, ReadModel> readModels;
    private final Generations generations;
    private final ProcessorFactory factory;
    private final ProjectionSettings settings;
    private final Map<String, RunningProcessor> running = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService reconciler;

    ProjectionProcessors(
            List<ReadModel> readModels,
            Generations generations,
            ProcessorFactory factory,
            ProjectionSettings settings) {
        this.readModels = readModels.stream().collect(Collectors.toMap(ReadModel::name, Function.identity()));
        this.generations = generations;
        this.factory = factory;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        readModels.keySet().forEach(generations::registerFirst);
        reconcile();
        reconciler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-reconciler");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.reconcileInterval().toMillis();
        reconciler.scheduleWithFixedDelay(this::reconcileQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (reconciler != null) {
            reconciler.shutdownNow();
            reconciler = null;
        }
        running.values().forEach(RunningProcessor::stop);
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return reconciler != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    public Set<String> readModelNames() {
        return readModels.keySet();
    }

    public Optional<ReadModel> readModel(String name) {
        return Optional.ofNullable(readModels.get(name));
    }

    /** The processor of the given name if it runs on this node. */
    public Optional<StreamingEventProcessor> local(String processorName) {
        return Optional.ofNullable(running.get(processorName)).map(RunningProcessor::processor);
    }

    /** Starts processors of newly maintained generations and stops those of retired or cancelled ones. */
    public synchronized void reconcile() {
        Map<String, GenerationView> wanted = generations.maintained().stream()
                .filter(g -> readModels.containsKey(g.readModel()))
                .collect(Collectors.toMap(GenerationView::processorName, Function.identity()));
        running.keySet().stream()
                .filter(name -> !wanted.containsKey(name))
                .toList()
                .forEach(name -> running.remove(name).stop());
        wanted.values().stream()
                .filter(g -> !running.containsKey(g.processorName()))
                .forEach(this::startProcessor);
    }

    private void startProcessor(GenerationView generation) {
        ReadModel readModel = readModels.get(generation.readModel());
        RunningProcessor processor =
                factory.build(readModel, generation.processorName(), readModel.newProjection(generation.generation()));
        running.put(generation.processorName(), processor);
        processor.start();
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            LOG.warn("Could not align projection processors with projection_generation", e);
        }
    }
}
