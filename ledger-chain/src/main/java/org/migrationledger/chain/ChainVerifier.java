package org.migrationledger.chain;

import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * One verification, the same online and offline: walks the entries, notes whether they pass through an earlier
 * digest's head, and reports progress every {@link #PROGRESS_EVERY} entries.
 */
public final class ChainVerifier {

    public static final long PROGRESS_EVERY = 100_000;

    private final ChainWalk walk;
    private final PrefixCheck prefix;
    private final LongConsumer progress;
    private long seen;

    /**
     * @param partial whether the entries are a filtered selection (links may skip events not given)
     * @param savedHead the head of an earlier digest to check the chain against; null for none
     * @param progress called with the number of entries seen so far
     */
    public ChainVerifier(boolean partial, ChainHead savedHead, LongConsumer progress) {
        this.walk = new ChainWalk(partial);
        this.prefix = savedHead == null ? null : new PrefixCheck(savedHead);
        this.progress = progress;
    }

    /** Checks the next entry; answers false once the chain is broken, so that the caller may stop reading. */
    public boolean accept(ChainEntry entry) {
        if (walk.accept(entry).isPresent()) {
            return false;
        }
        if (prefix != null) {
            prefix.observe(walk.head());
        }
        if (++seen % PROGRESS_EVERY == 0) {
            progress.accept(seen);
        }
        return true;
    }

    /** Ends at the head the chain is expected to end at (null for none) and answers the outcome. */
    public Outcome finish(ChainHead expectedHead) {
        Optional<BrokenLink> broken = walk.end(expectedHead);
        return new Outcome(broken.orElse(null), walk.checked(), walk.head(), prefix == null ? null : prefix.verdict());
    }

    /**
     * @param brokenLink the first broken link; null when the chain is intact
     * @param checked how many entries were verified intact
     * @param head the last intact link
     * @param prefix whether the chain extends the earlier digest; null when none was given
     */
    public record Outcome(BrokenLink brokenLink, long checked, ChainHead head, PrefixCheck.Verdict prefix) {

        public boolean intact() {
            return brokenLink == null;
        }
    }
}
