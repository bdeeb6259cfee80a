package org.migrationledger.projection.rebuild;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * One generation of a read model as stored in {@code projection_generation}.
 *
 * @param targetPosition the head of the event store when a rebuild started; null for the first generation
 * @param comparison the outcome of the last comparison with the active generation, in words; null before one ran
 * @param equalToActive whether that comparison found the generations equal; null before one ran
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
        String comparison,
        Boolean equalToActive) {

    /** The last comparison with the active generation; null before one ran. */
    @JsonIgnore
    public ComparisonVerdict verdict() {
        return equalToActive == null ? null : new ComparisonVerdict(equalToActive, comparison);
    }
}
