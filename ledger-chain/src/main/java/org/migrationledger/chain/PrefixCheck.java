package org.migrationledger.chain;

import java.util.Arrays;

/**
 * Whether a chain passes through the head of an earlier digest: the same hash at the same position proves the whole
 * earlier chain unchanged, since every link hash covers all links before it.
 */
public final class PrefixCheck {

    /** The answer, once the walk has reached or passed the digest's position (or ended before it). */
    public enum Verdict {
        /** The chain holds the digest's head: it extends the digest. */
        EXTENDS,
        /** The chain holds another hash at that position, or no event there. */
        DIVERGES,
        /** The chain (or its intact part) ends before the digest's position. */
        ENDS_BEFORE
    }

    private final ChainHead saved;
    private Verdict verdict;

    public PrefixCheck(ChainHead saved) {
        this.saved = saved;
    }

    /** Notes the link a walk just accepted. */
    public void observe(ChainHead linked) {
        if (verdict == null && linked.position() >= saved.position()) {
            verdict = linked.position() == saved.position() && Arrays.equals(linked.hash(), saved.hash())
                    ? Verdict.EXTENDS
                    : Verdict.DIVERGES;
        }
    }

    public Verdict verdict() {
        if (verdict == null && saved.position() == 0) {
            return Verdict.EXTENDS;
        }
        return verdict == null ? Verdict.ENDS_BEFORE : verdict;
    }
}
