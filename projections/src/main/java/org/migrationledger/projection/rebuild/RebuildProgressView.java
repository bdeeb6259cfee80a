package org.migrationledger.projection.rebuild;

/**
 * How far a rebuilding generation has read the event store.
 *
 * @param processed the position every segment has passed (global index, so about the number of events)
 * @param total the head of the event store now
 * @param eventsPerSecond the rate since this node started watching the rebuild; 0 until it has two samples
 * @param etaSeconds the estimated time left at that rate; null while the rate is unknown
 */
public record RebuildProgressView(
        int generation,
        String processorName,
        long processed,
        long total,
        double percent,
        double eventsPerSecond,
        Long etaSeconds) {

    String describe(String readModel) {
        String eta = etaSeconds == null ? "unknown" : etaSeconds + " s";
        return "Rebuild of %s generation %d (%s): %d/%d events (%.1f%%), %.0f events/s, ETA %s"
                .formatted(readModel, generation, processorName, processed, total, percent, eventsPerSecond, eta);
    }
}
