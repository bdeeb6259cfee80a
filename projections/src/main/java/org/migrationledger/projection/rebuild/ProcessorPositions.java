package org.migrationledger.projection.rebuild;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far each processor has read the event store: per segment, the token in {@code token_entry} or, for segments
 * this node holds, the processor's live status (an idle segment stores the position it skipped to only now and
 * then). A processor has reached a position when every segment has processed every event up to it.
 */
@Component
public class ProcessorPositions {

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final ProjectionProcessors processors;
    private final Generations generations;
    private final ProjectionSettings settings;
    private final ScheduledExecutorService waiter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "min-position-waiter");
        thread.setDaemon(true);
        return thread;
    });

    ProcessorPositions(
            JdbcClient jdbc,
            Serializer serializer,
            ProjectionProcessors processors,
            Generations generations,
            ProjectionSettings settings) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processors = processors;
        this.generations = generations;
        this.settings = settings;
    }

    /**
     * Completes with true once the active generation of the read model has processed every event up to
     * {@code position}, or with false when {@code ledger.projection.min-position-timeout} passes first.
     */
    public CompletableFuture<Boolean> awaitActive(String readModel, long position) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        long deadline = System.nanoTime() + settings.minPositionTimeout().toNanos();
        poll(readModel, position, deadline, result);
        return result;
    }

    private void poll(String readModel, long position, long deadline, CompletableFuture<Boolean> result) {
        try {
            String processor = ReadModel.processorName(readModel, generations.active(readModel));
            if (hasReached(processor, position)) {
                result.complete(true);
            } else if (System.nanoTime() - deadline >= 0) {
                result.complete(false);
            } else {
                waiter.schedule(
                        () -> poll(readModel, position, deadline, result),
                        settings.minPositionPollInterval().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    public boolean hasReached(String processorName, long position) {
        List<TrackingToken> tokens = tokens(processorName);
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> covers(token, position));
    }

    /**
     * The position up to which every segment has processed every event, gaps included; empty before the processor
     * claimed its segments. A gap-aware token's own position is the highest index it has seen, which says nothing
     * about events below it that committed late and are still to come.
     */
    public OptionalLong processedUpTo(String processorName) {
        List<TrackingToken> tokens = tokens(processorName);
        if (tokens.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(tokens.stream()
                .mapToLong(ProcessorPositions::processedUpTo)
                .min()
                .orElse(-1));
    }

    static long processedUpTo(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        if (lower instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getGaps().isEmpty()
                    ? gapAware.getIndex()
                    : gapAware.getGaps().first() - 1;
        }
        // A replay from the start that has processed nothing yet has no lower bound.
        return lower == null ? -1 : lower.position().orElse(-1);
    }

    private List<TrackingToken> tokens(String processorName) {
        var local = processors.local(processorName).map(p -> p.processingStatus());
        return jdbc.sql("select segment, token, token_type from token_entry where processor_name = ?")
                .param(processorName)
                .query((rs, row) -> {
                    int segment = rs.getInt("segment");
                    EventTrackerStatus status = local.map(s -> s.get(segment)).orElse(null);
                    if (status != null && status.getTrackingToken() != null) {
                        return status.getTrackingToken();
                    }
                    byte[] stored = rs.getBytes("token");
                    return stored == null
                            ? null
                            : serializer.<byte[], TrackingToken>deserialize(new SimpleSerializedObject<>(
                                    stored, byte[].class, rs.getString("token_type"), null));
                })
                .list();
    }

    static boolean covers(TrackingToken token, long position) {
        return processedUpTo(token) >= position;
    }
}
