package org.migrationledger.projection.rebuild;

import java.util.List;

/**
 * A read model's generations and, while one is being rebuilt, its progress.
 *
 * @param progress null when no rebuild is under way
 */
public record ProjectionStatusView(
        String readModel, int activeGeneration, List<GenerationView> generations, RebuildProgressView progress) {

    public ProjectionStatusView {
        generations = List.copyOf(generations);
    }
}
