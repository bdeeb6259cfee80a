package org.migrationledger.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.migrationledger.chain.ChainHead;
import org.migrationledger.chain.ChainVerifier;
import org.migrationledger.chain.SignedDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Recomputes the whole chain from the event table in one streaming read (constant memory), logging progress every
 * {@link ChainVerifier#PROGRESS_EVERY} events.
 */
@Component
public class ChainVerification {

    private static final Logger LOG = LoggerFactory.getLogger(ChainVerification.class);

    private final ChainStore chain;
    private final Digests digests;
    private final Clock clock;

    ChainVerification(ChainStore chain, Digests digests, Clock clock) {
        this.chain = chain;
        this.digests = digests;
        this.clock = clock;
    }

    /**
     * @param saved an earlier digest to check the chain against, or null
     */
    public Report verify(SignedDigest saved) {
        Instant started = clock.instant();
        ChainStore.Head head = chain.head().orElse(null);
        ChainVerifier verifier = new ChainVerifier(
                false,
                saved == null ? null : saved.head(),
                seen -> LOG.info("Chain verification: {} events checked", seen));
        if (head != null) {
            chain.stream(0, head.position(), verifier::accept);
        }
        ChainVerifier.Outcome outcome = verifier.finish(head == null ? ChainHead.EMPTY : head.chainHead());
        Duration took = Duration.between(started, clock.instant());
        LOG.info(
                "Chain verification: {} after {} events in {} ms",
                outcome.intact()
                        ? "intact"
                        : "broken at " + outcome.brokenLink().position(),
                outcome.checked(),
                took.toMillis());
        return new Report(outcome, saved == null ? null : digests.signedByThisService(saved), took);
    }

    /**
     * @param signatureValid whether the given earlier digest carries this service's signature; null without one
     */
    public record Report(ChainVerifier.Outcome outcome, Boolean signatureValid, Duration took) {}
}
