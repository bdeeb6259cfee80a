package org.migrationledger.chain;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainWalkTest {

    @Test
    void anUntouchedChainIsIntactAndEndsAtItsHead() {
        List<ChainEntry> chain = chain(5);
        ChainWalk walk = walk(chain);
        assertThat(walk.end(head(chain))).isEmpty();
        assertThat(walk.checked()).isEqualTo(5);
    }

    @Test
    void namesTheChangedPayload() {
        List<ChainEntry> chain = chain(5);
        StoredEvent e = chain.get(2).event();
        byte[] payload = e.payload().clone();
        payload[3] ^= 1;
        chain.set(2, new ChainEntry(3, withPayload(e, payload), chain.get(2).link()));
        assertThat(firstBreak(chain))
                .contains(new BrokenLink(3, BreakKind.PAYLOAD_CHANGED, "the payload bytes changed"));
    }

    @Test
    void namesChangedMetadataAndEnvelope() {
        List<ChainEntry> chain = chain(5);
        StoredEvent e = chain.get(1).event();
        chain.set(
                1,
                new ChainEntry(
                        2,
                        withMeta(e, "{\"principal\":\"mallory\"}".getBytes(UTF_8)),
                        chain.get(1).link()));
        assertThat(firstBreak(chain).orElseThrow().kind()).isEqualTo(BreakKind.METADATA_CHANGED);
        List<ChainEntry> other = chain(5);
        StoredEvent o = other.get(1).event();
        StoredEvent retimed = new StoredEvent(
                2,
                o.eventId(),
                o.aggregateId(),
                o.sequenceNumber(),
                o.aggregateType(),
                "2020-01-01T00:00:00Z",
                o.payloadType(),
                o.payloadRevision(),
                o.payload(),
                o.metaData());
        other.set(1, new ChainEntry(2, retimed, other.get(1).link()));
        assertThat(firstBreak(other).orElseThrow().kind()).isEqualTo(BreakKind.METADATA_CHANGED);
    }

    @Test
    void namesAMissingEventFromTheChainOrFromTheStore() {
        List<ChainEntry> deleted = chain(5);
        deleted.remove(2);
        assertThat(firstBreak(deleted).orElseThrow())
                .extracting(BrokenLink::position, BrokenLink::kind)
                .containsExactly(3L, BreakKind.EVENT_MISSING);
        List<ChainEntry> unstored = chain(5);
        unstored.set(2, new ChainEntry(3, null, unstored.get(2).link()));
        assertThat(firstBreak(unstored).orElseThrow())
                .extracting(BrokenLink::position, BrokenLink::kind)
                .containsExactly(3L, BreakKind.EVENT_MISSING);
        List<ChainEntry> truncated = chain(5);
        ChainHead head = head(truncated);
        truncated.subList(3, 5).clear();
        ChainWalk walk = walk(truncated);
        assertThat(walk.end(head).orElseThrow())
                .extracting(BrokenLink::position, BrokenLink::kind)
                .containsExactly(5L, BreakKind.EVENT_MISSING);
    }

    @Test
    void namesSwappedEventsAsReordered() {
        List<ChainEntry> stored = chain(5);
        ChainEntry second = stored.get(1);
        ChainEntry third = stored.get(2);
        stored.set(1, new ChainEntry(2, third.event(), second.link()));
        stored.set(2, new ChainEntry(3, second.event(), third.link()));
        assertThat(firstBreak(stored).orElseThrow())
                .extracting(BrokenLink::position, BrokenLink::kind)
                .containsExactly(2L, BreakKind.EVENTS_REORDERED);
        List<ChainEntry> linksToo = chain(5);
        ChainEntry b = linksToo.get(2);
        linksToo.set(
                2, new ChainEntry(3, linksToo.get(3).event(), linksToo.get(3).link()));
        linksToo.set(3, new ChainEntry(4, b.event(), b.link()));
        assertThat(firstBreak(linksToo).orElseThrow())
                .extracting(BrokenLink::position, BrokenLink::kind)
                .containsExactly(3L, BreakKind.EVENTS_REORDERED);
    }

    @Test
    void namesAForgedEventWithACorrectLookingHashAsInserted() {
        List<ChainEntry> chain = chain(6);
        chain.remove(3); // position 4 never stored (a rolled-back transaction); the chain links 3 -> 5
        relinkFrom(chain, 3);
        ChainEntry third = chain.get(2);
        StoredEvent forged = event(4, "forged");
        chain.add(
                3,
                new ChainEntry(
                        4, forged, CanonicalForm.link(forged, 3, third.link().hash())));
        assertThat(firstBreak(chain).orElseThrow())
                .extracting(BrokenLink::position, BrokenLink::kind)
                .containsExactly(4L, BreakKind.EVENT_INSERTED);
    }

    @Test
    void aPartialWalkAcceptsSkippedEventsButNotChangedOnes() {
        List<ChainEntry> chain = chain(6);
        chain.remove(1);
        chain.remove(2);
        assertThat(firstBreak(chain, true)).isEmpty();
        StoredEvent e = chain.get(2).event();
        chain.set(
                2,
                new ChainEntry(
                        e.position(),
                        withPayload(e, "{}".getBytes(UTF_8)),
                        chain.get(2).link()));
        assertThat(firstBreak(chain, true).orElseThrow().kind()).isEqualTo(BreakKind.PAYLOAD_CHANGED);
    }

    @Test
    void aSignedDigestVerifiesAndProvesAPrefix() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        List<ChainEntry> chain = chain(5);
        ChainHead atThree = new ChainHead(3, chain.get(2).link().hash());
        SignedDigest digest = SignedDigest.sign(atThree, "t1", "t2", keys.getPrivate(), keys.getPublic());
        assertThat(digest.signatureValidWith(PublicKeys.fromPem(PublicKeys.toPem(keys.getPublic()))))
                .isTrue();
        SignedDigest forged = new SignedDigest(4, digest.hash(), "t1", "t2", digest.keyId(), digest.signature());
        assertThat(forged.signatureValidWith(keys.getPublic())).isFalse();

        assertThat(prefix(chain, digest.head())).isEqualTo(PrefixCheck.Verdict.EXTENDS);
        List<ChainEntry> rewritten = chain(5);
        relinkFrom(rewritten, 1);
        rewritten.set(
                0,
                new ChainEntry(
                        1, event(1, "rewritten"), CanonicalForm.link(event(1, "rewritten"), 0, CanonicalForm.GENESIS)));
        relinkFrom(rewritten, 1);
        assertThat(walk(rewritten).end(null))
                .as("a consistent rewrite walks intact")
                .isEmpty();
        assertThat(prefix(rewritten, digest.head())).isEqualTo(PrefixCheck.Verdict.DIVERGES);
        assertThat(prefix(rewritten.subList(0, 2), digest.head())).isEqualTo(PrefixCheck.Verdict.ENDS_BEFORE);
    }

    @Test
    void anExportedEntryRoundTrips() {
        ChainEntry entry = chain(2).get(1);
        ChainWalk walk = new ChainWalk(false);
        walk.accept(ExportedEntry.of(chain(1).get(0)).toEntry());
        assertThat(walk.accept(ExportedEntry.of(entry).toEntry())).isEmpty();
    }

    private static PrefixCheck.Verdict prefix(List<ChainEntry> chain, ChainHead saved) {
        PrefixCheck check = new PrefixCheck(saved);
        ChainWalk walk = new ChainWalk(false);
        for (ChainEntry entry : chain) {
            if (walk.accept(entry).isPresent()) {
                break;
            }
            check.observe(walk.head());
        }
        return check.verdict();
    }

    private static Optional<BrokenLink> firstBreak(List<ChainEntry> chain) {
        return firstBreak(chain, false);
    }

    private static Optional<BrokenLink> firstBreak(List<ChainEntry> chain, boolean partial) {
        ChainWalk walk = new ChainWalk(partial);
        chain.forEach(walk::accept);
        return walk.end(null);
    }

    private static ChainWalk walk(List<ChainEntry> chain) {
        ChainWalk walk = new ChainWalk(false);
        chain.forEach(entry -> assertThat(walk.accept(entry)).isEmpty());
        return walk;
    }

    private static ChainHead head(List<ChainEntry> chain) {
        ChainEntry last = chain.get(chain.size() - 1);
        return new ChainHead(last.position(), last.link().hash());
    }

    static List<ChainEntry> chain(int size) {
        List<ChainEntry> chain = new ArrayList<>();
        for (int position = 1; position <= size; position++) {
            chain.add(new ChainEntry(position, event(position, "release " + position), null));
        }
        relinkFrom(chain, 0);
        return chain;
    }

    /** Recomputes every link from the given index on, as an attacker who knows the algorithm would. */
    private static void relinkFrom(List<ChainEntry> chain, int index) {
        for (int i = index; i < chain.size(); i++) {
            ChainEntry previous = i == 0 ? null : chain.get(i - 1);
            StoredEvent event = chain.get(i).event();
            chain.set(
                    i,
                    new ChainEntry(
                            event.position(),
                            event,
                            CanonicalForm.link(
                                    event,
                                    previous == null ? 0 : previous.position(),
                                    previous == null
                                            ? CanonicalForm.GENESIS
                                            : previous.link().hash())));
        }
    }

    private static StoredEvent event(long position, String release) {
        return new StoredEvent(
                position,
                "event-" + position + "-" + release.hashCode(),
                "wishlist",
                position,
                "SchemaLedger",
                "2026-11-26T10:00:0" + (position % 10) + "Z",
                "org.migrationledger.api.events.ReleaseDeployed",
                "1",
                ("{\"release\":\"" + release + "\"}").getBytes(UTF_8),
                "{\"principal\":\"ci\"}".getBytes(UTF_8));
    }

    private static StoredEvent withPayload(StoredEvent e, byte[] payload) {
        return new StoredEvent(
                e.position(),
                e.eventId(),
                e.aggregateId(),
                e.sequenceNumber(),
                e.aggregateType(),
                e.timestamp(),
                e.payloadType(),
                e.payloadRevision(),
                payload,
                e.metaData());
    }

    private static StoredEvent withMeta(StoredEvent e, byte[] meta) {
        return new StoredEvent(
                e.position(),
                e.eventId(),
                e.aggregateId(),
                e.sequenceNumber(),
                e.aggregateType(),
                e.timestamp(),
                e.payloadType(),
                e.payloadRevision(),
                e.payload(),
                meta);
    }
}
