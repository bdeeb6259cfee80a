package org.migrationledger.projection.rebuild;

/** A rebuild request that conflicts with the read model's state, e.g. a second rebuild while one is under way. */
public class RebuildRefused extends RuntimeException {

    public RebuildRefused(String message) {
        super(message);
    }
}
