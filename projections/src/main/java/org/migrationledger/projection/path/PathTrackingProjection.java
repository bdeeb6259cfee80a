package org.migrationledger.projection.path;

import org.axonframework.eventhandling.EventHandler;
import org.migrationledger.api.events.DatabaseRegistered;
import org.migrationledger.api.events.PromotionPathChanged;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A projection that writes one generation of a read model and keeps that read model's copy of each database's
 * promotion path; subclasses add the handlers for the rest of their read model.
 */
public abstract class PathTrackingProjection {

    protected final JdbcClient jdbc;
    protected final int generation;
    private final PromotionPathTable paths;

    /** @param pathTable the read model's path table; a constant of the read model, never input */
    protected PathTrackingProjection(JdbcClient jdbc, int generation, String pathTable) {
        this.jdbc = jdbc;
        this.generation = generation;
        this.paths = new PromotionPathTable(jdbc, pathTable);
    }

    /** Called after a database's path was registered or changed, for read models that derive more from it. */
    protected void pathChanged(String database) {}

    @EventHandler
    public void on(DatabaseRegistered event) {
        paths.replace(generation, event.database(), event.environments());
        pathChanged(event.database());
    }

    @EventHandler
    public void on(PromotionPathChanged event) {
        paths.replace(generation, event.database(), event.environments());
        pathChanged(event.database());
    }
}
