package org.migrationledger.chain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Recomputes a chain entry by entry, in position order, holding only the last link: a million events verify in
 * constant memory. The first broken link ends the walk. A partial walk (a filtered export) accepts links that skip
 * events it was not given, and checks each given event against its own link.
 */
public final class ChainWalk {

    private final boolean partial;
    private ChainHead last = ChainHead.EMPTY;
    private long checked;
    private BrokenLink broken;

    public ChainWalk(boolean partial) {
        this.partial = partial;
    }

    /** Checks the next entry; answers the first broken link, now or earlier. */
    public Optional<BrokenLink> accept(ChainEntry entry) {
        if (broken == null) {
            broken = check(entry);
            if (broken == null) {
                last = new ChainHead(entry.position(), entry.link().hash());
                checked++;
            }
        }
        return Optional.ofNullable(broken);
    }

    /** Ends the walk at the head the chain is expected to end at (a digest's), answering the first broken link. */
    public Optional<BrokenLink> end(ChainHead expected) {
        if (broken == null && expected != null) {
            broken = checkEnd(expected);
        }
        return Optional.ofNullable(broken);
    }

    public ChainHead head() {
        return last;
    }

    public long checked() {
        return checked;
    }

    private BrokenLink check(ChainEntry entry) {
        long position = entry.position();
        ChainLink link = entry.link();
        if (entry.event() == null) {
            return new BrokenLink(
                    position, BreakKind.EVENT_MISSING, "the chain links an event here that is not stored");
        }
        if (link == null) {
            return new BrokenLink(
                    position, BreakKind.EVENT_INSERTED, "an event is stored here that the chain never linked");
        }
        BrokenLink order = checkOrder(position, link);
        return order != null ? order : checkContent(position, entry.event(), link);
    }

    private BrokenLink checkOrder(long position, ChainLink link) {
        if (link.previousPosition() >= position) {
            return new BrokenLink(
                    position,
                    BreakKind.EVENTS_REORDERED,
                    "the link stored here follows position " + link.previousPosition() + ", at or after itself");
        }
        if (link.previousPosition() > last.position()) {
            return partial
                    ? null
                    : new BrokenLink(
                            link.previousPosition(),
                            BreakKind.EVENT_MISSING,
                            "the event at " + position + " links to " + link.previousPosition() + ", which is gone");
        }
        if (link.previousPosition() < last.position()) {
            return new BrokenLink(
                    last.position(),
                    BreakKind.EVENT_INSERTED,
                    "the event at " + position + " links to " + link.previousPosition() + ", skipping this one");
        }
        if (!Arrays.equals(link.previousHash(), last.hash())) {
            return new BrokenLink(
                    last.position(),
                    BreakKind.LINK_REWRITTEN,
                    "the event at " + position + " links to another hash than the one recorded here");
        }
        return null;
    }

    private static BrokenLink checkContent(long position, StoredEvent event, ChainLink link) {
        if (!event.eventId().equals(link.eventId())) {
            return new BrokenLink(
                    position,
                    BreakKind.EVENTS_REORDERED,
                    "event " + event.eventId() + " is stored where the chain linked " + link.eventId());
        }
        if (!Arrays.equals(CanonicalForm.sha256(event.payload()), link.payloadHash())) {
            return new BrokenLink(position, BreakKind.PAYLOAD_CHANGED, "the payload bytes changed");
        }
        byte[] metadataHash = event.metaData() == null ? CanonicalForm.ABSENT : CanonicalForm.sha256(event.metaData());
        if (!Arrays.equals(metadataHash, link.metadataHash())) {
            return new BrokenLink(position, BreakKind.METADATA_CHANGED, "the metadata bytes changed");
        }
        byte[] hash = CanonicalForm.hash(link.previousHash(), event, link.payloadHash(), link.metadataHash());
        if (!Arrays.equals(hash, link.hash())) {
            return new BrokenLink(
                    position,
                    BreakKind.METADATA_CHANGED,
                    "the envelope (timestamp, types, aggregate or sequence) or the stored hash changed");
        }
        return null;
    }

    private BrokenLink checkEnd(ChainHead expected) {
        if (last.position() < expected.position()) {
            return new BrokenLink(
                    expected.position(),
                    BreakKind.EVENT_MISSING,
                    "the chain ends at " + last.position() + " but its head is at " + expected.position());
        }
        if (last.position() == expected.position() && !Arrays.equals(last.hash(), expected.hash())) {
            return new BrokenLink(
                    last.position(), BreakKind.LINK_REWRITTEN, "the last link's hash is not the head's hash");
        }
        return null;
    }
}
