package org.migrationledger.projection.rebuild;

import java.util.List;
import java.util.function.IntFunction;

/**
 * A rebuildable read model: its name (the processing group of its first generation), the tables it owns, and how to
 * make a projection that writes one generation of it. Each read model is a small {@code @Component} subclass that
 * passes these three to the constructor.
 */
public abstract class ReadModel {

    private final String name;
    private final List<String> tables;
    private final IntFunction<Object> projections;

    /**
     * @param tables the tables whose rows carry this read model's {@code generation} column
     * @param projections makes a projection (an object with {@code @EventHandler} methods) for a generation
     */
    protected ReadModel(String name, List<String> tables, IntFunction<Object> projections) {
        this.name = name;
        this.tables = List.copyOf(tables);
        this.projections = projections;
    }

    public String name() {
        return name;
    }

    /** The tables whose rows carry this read model's {@code generation} column. */
    public List<String> tables() {
        return tables;
    }

    /** A projection (an object with {@code @EventHandler} methods) that writes rows of the given generation. */
    public Object newProjection(int generation) {
        return projections.apply(generation);
    }

    /**
     * Whether a handler failure stops this read model's processor on the event (retried until it succeeds) instead of
     * dead-lettering it and going on (docs/adr/0014). A read model that must never miss an event, even for a while,
     * answers true.
     */
    public boolean stopsOnFailure() {
        return false;
    }

    /** The processing group of a generation: the bare name for the first, {@code name-vN} after it. */
    public static String processorName(String readModel, int generation) {
        return generation == 1 ? readModel : readModel + "-v" + generation;
    }
}
