package org.migrationledger.projection.rebuild;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Blue-green rebuilds of read models (ADR-026, docs/adr/0010): a new generation is built by its own processor from
 * the start of the event store while the active one serves; once it has caught up it is compared with the active
 * one, and switched to (automatically when equal and asked for, else on request). The replaced generation stays
 * maintained as standby for a one-step rollback.
 */
@Component
public class ProjectionRebuilds extends RepeatingPass {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final int PHASE = Integer.MAX_VALUE - 2000;

    private final ProjectionProcessors processors;
    private final ProcessorPositions positions;
    private final Generations generations;
    private final GenerationComparison comparison;
    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final ProjectionSettings settings;
    private final Map<String, Sample> firstSamples = new ConcurrentHashMap<>();
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

    ProjectionRebuilds(
            ProjectionProcessors processors,
            ProcessorPositions positions,
            Generations generations,
            GenerationComparison comparison,
            EventStore eventStore,
            JdbcClient jdbc,
            ProjectionSettings settings) {
        super("projection-rebuild-monitor", settings.reconcileInterval(), settings.reconcileInterval(), PHASE);
        this.processors = processors;
        this.positions = positions;
        this.generations = generations;
        this.comparison = comparison;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public ProjectionStatusView start(String readModel, boolean autoSwitch) {
        ReadModel model = readModel(readModel);
        purgeReplaced(model);
        GenerationView started = generations
                .startBuilding(readModel, head(), autoSwitch)
                .orElseThrow(() -> new RebuildRefused("A rebuild of " + readModel + " is already under way"));
        LOG.info(
                "Rebuild of {} started: generation {} ({}) replays the event store up to position {} and beyond",
                readModel,
                started.generation(),
                started.processorName(),
                started.targetPosition());
        processors.reconcile();
        return status(readModel);
    }

    public ProjectionStatusView status(String readModel) {
        readModel(readModel);
        RebuildProgressView progress = generations
                .inState(readModel, GenerationState.BUILDING)
                .or(() -> generations.inState(readModel, GenerationState.READY))
                .map(this::progress)
                .orElse(null);
        return new ProjectionStatusView(readModel, generations.active(readModel), generations.all(readModel), progress);
    }

    /** Switches to the READY generation; refused when its comparison found differences and {@code force} is false. */
    public ProjectionStatusView switchToReady(String readModel, boolean force) {
        ReadModel model = readModel(readModel);
        GenerationView ready = generations
                .inState(readModel, GenerationState.READY)
                .orElseThrow(() -> new RebuildRefused("No rebuilt generation of " + readModel + " is ready"));
        if (!force && ready.verdict() != null && !ready.verdict().equal()) {
            throw new RebuildRefused("Generation " + ready.generation() + " differs from the active one ("
                    + ready.verdict().description() + "); switch with force=true to accept the differences");
        }
        switchTo(model, ready.generation());
        return status(readModel);
    }

    public ProjectionStatusView rollback(String readModel) {
        readModel(readModel);
        if (!generations.rollback(readModel)) {
            throw new RebuildRefused("No standby generation of " + readModel + " to roll back to");
        }
        LOG.info("Rolled back {}: generation {} serves again", readModel, generations.active(readModel));
        processors.reconcile();
        return status(readModel);
    }

    public ProjectionStatusView cancel(String readModel) {
        ReadModel model = readModel(readModel);
        int cancelled = generations
                .cancel(readModel)
                .orElseThrow(() -> new RebuildRefused("No rebuild of " + readModel + " is under way"));
        LOG.info("Rebuild of {} generation {} cancelled", readModel, cancelled);
        processors.reconcile();
        purge(model, cancelled);
        return status(readModel);
    }

    private void switchTo(ReadModel model, int generation) {
        Optional<Integer> retired = generations.switchTo(model.name(), generation);
        LOG.info("Switched {} to generation {}", model.name(), generation);
        processors.reconcile();
        retired.ifPresent(g -> purge(model, g));
    }

    /** One pass of the monitor: progress logs, and the compare-and-ready step of caught-up rebuilds. */
    @Override
    protected void pass() {
        for (GenerationView generation : generations.maintained()) {
            if (generation.state() != GenerationState.BUILDING
                    || processors.readModel(generation.readModel()).isEmpty()) {
                continue;
            }
            RebuildProgressView progress = progress(generation);
            logProgress(generation, progress);
            long target = generation.targetPosition() == null ? -1 : generation.targetPosition();
            if (target < 0 || positions.hasReached(generation.processorName(), target)) {
                compareWithActive(processors.readModel(generation.readModel()).get(), generation);
            }
        }
    }

    private void compareWithActive(ReadModel model, GenerationView building) {
        int active = generations.active(model.name());
        long head = head();
        if (!positions.hasReached(ReadModel.processorName(model.name(), active), head)
                || !positions.hasReached(building.processorName(), head)) {
            return;
        }
        comparison.compare(model, active, building.generation(), head).ifPresent(result -> {
            ComparisonVerdict verdict = result.verdict();
            if (!generations.markReady(model.name(), building.generation(), verdict)) {
                return;
            }
            LOG.info("Rebuild of {} caught up. {}", model.name(), verdict.description());
            if (building.autoSwitch() && verdict.equal()) {
                switchTo(model, building.generation());
            }
        });
    }

    private RebuildProgressView progress(GenerationView generation) {
        long processed =
                Math.max(0, positions.processedUpTo(generation.processorName()).orElse(0));
        long total = Math.max(processed, head());
        long now = System.nanoTime();
        Sample first = firstSamples.computeIfAbsent(generation.processorName(), k -> new Sample(now, processed));
        double seconds = (now - first.nanos()) / 1e9;
        double rate = seconds > 0 ? (processed - first.position()) / seconds : 0;
        Long eta = rate > 0 ? Math.round((total - processed) / rate) : null;
        double percent = total == 0 ? 100 : 100.0 * processed / total;
        return new RebuildProgressView(
                generation.generation(), generation.processorName(), processed, total, percent, rate, eta);
    }

    private void logProgress(GenerationView generation, RebuildProgressView progress) {
        long now = System.nanoTime();
        Long last = lastLogged.get(generation.processorName());
        if (last == null || now - last >= settings.progressLogInterval().toNanos()) {
            lastLogged.put(generation.processorName(), now);
            LOG.info(progress.describe(generation.readModel()));
        }
    }

    /** Deletes rows and tokens of generations that are no longer maintained (safe to repeat). */
    private void purgeReplaced(ReadModel model) {
        generations.all(model.name()).stream()
                .filter(g -> !g.state().isMaintained())
                .forEach(g -> purge(model, g.generation()));
    }

    private void purge(ReadModel model, int generation) {
        for (String table : model.tables()) {
            jdbc.sql("delete from " + table + " where generation = ?")
                    .param(generation)
                    .update();
        }
        jdbc.sql("delete from token_entry where processor_name = ?")
                .param(ReadModel.processorName(model.name(), generation))
                .update();
        LOG.info("Deleted the rows of {} generation {}", model.name(), generation);
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private ReadModel readModel(String name) {
        return processors.readModel(name).orElseThrow(() -> new NoSuchElementException("No read model named " + name));
    }

    private record Sample(long nanos, long position) {}
}
