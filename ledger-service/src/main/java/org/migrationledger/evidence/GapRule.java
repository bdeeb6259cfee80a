package org.migrationledger.evidence;

/**
 * Decides when a hole in {@code global_index} is final. An event stored at a higher index has committed, so a
 * transaction still holding a lower index began before it; once every transaction that was running when the hole
 * was seen has ended (the current snapshot's xmin has passed that snapshot's xmax), the hole can never fill and the
 * chain may step over it. Until then the chain waits, so that an event committing late is linked in its place.
 */
final class GapRule {

    private long observedThrough = -1;
    private long observedXmax;

    /** Whether the holes below {@code position} are final, given the xmin of a snapshot taken now. */
    boolean holesFinalBelow(long position, long xminNow) {
        return position <= observedThrough && xminNow >= observedXmax;
    }

    /**
     * Remembers a hole below {@code position}, seen while the store held events up to {@code maxPosition}. A hole the
     * pending observation already covers keeps it, so that steady writes cannot postpone the decision forever.
     */
    void observe(long position, long maxPosition, long xmaxNow) {
        if (position > observedThrough) {
            observedThrough = maxPosition;
            observedXmax = xmaxNow;
        }
    }
}
