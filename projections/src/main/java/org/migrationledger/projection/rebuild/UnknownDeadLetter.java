package org.migrationledger.projection.rebuild;

/** No processor on this node has a dead letter of that identifier (retried, evicted, or never there). */
public class UnknownDeadLetter extends RuntimeException {

    public UnknownDeadLetter(String id) {
        super("No dead letter " + id);
    }
}
