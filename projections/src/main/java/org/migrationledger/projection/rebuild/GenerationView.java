package org.migrationledger.projection.rebuild;

import java.time.Instant;

/**
 * One generation of a read model as stored in {@code projection_generation}.
 *
 * @param targetPosition the head of the event store when a rebuild started; null for the first generation
 * @param comparison the outcome of the last comparison with the active generation; null before one ran
 */
public record GenerationView(
        String readModel,
        int generation,
        GenerationState state,
        String processorName,
        Instant createdAt,
        Long targetPosition,
        boolean autoSwitch,
        Instant activatedAt,
        Instant retiredAt,
        String comparison) {}
