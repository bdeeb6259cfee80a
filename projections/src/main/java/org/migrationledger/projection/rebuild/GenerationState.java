package org.migrationledger.projection.rebuild;

/** Where one generation of a read model is in its blue-green life. */
public enum GenerationState {
    /** Catching up from the start of the event store while the active generation serves. */
    BUILDING,
    /** Caught up and compared; waits for a switch. */
    READY,
    /** Answers queries. */
    ACTIVE,
    /** The previously active generation, still maintained, so that a rollback is one switch. */
    STANDBY,
    /** Replaced; its rows are deleted and its processor stopped. */
    RETIRED,
    /** A rebuild that was abandoned; its rows are deleted. */
    CANCELLED;

    boolean isMaintained() {
        return this == BUILDING || this == READY || this == ACTIVE || this == STANDBY;
    }
}
