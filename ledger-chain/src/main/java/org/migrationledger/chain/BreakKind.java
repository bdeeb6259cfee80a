package org.migrationledger.chain;

/** What is wrong at the first broken link of a chain. */
public enum BreakKind {
    /** The stored payload bytes are not those the chain linked. */
    PAYLOAD_CHANGED,
    /** The stored metadata bytes, or a field of the envelope (timestamp, types, aggregate, sequence), changed. */
    METADATA_CHANGED,
    /** The chain names an event at this position that is not stored (deleted, or the tail truncated). */
    EVENT_MISSING,
    /** The event stored at this position was linked at another position. */
    EVENTS_REORDERED,
    /** An event is stored here that the chain never linked, or its successor's link skips it. */
    EVENT_INSERTED,
    /** The chain's record of this event was rewritten: its successor links to a different hash. */
    LINK_REWRITTEN
}
