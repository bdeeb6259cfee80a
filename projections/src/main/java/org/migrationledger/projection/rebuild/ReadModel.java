package org.migrationledger.projection.rebuild;

import java.util.List;

/**
 * A rebuildable read model: its name (the processing group of its first generation), the tables it owns, and how to
 * make a projection that writes one generation of it.
 */
public interface ReadModel {

    String name();

    /** The tables whose rows carry this read model's {@code generation} column. */
    List<String> tables();

    /** A projection (an object with {@code @EventHandler} methods) that writes rows of the given generation. */
    Object newProjection(int generation);

    /** The processing group of a generation: the bare name for the first, {@code name-vN} after it. */
    static String processorName(String readModel, int generation) {
        return generation == 1 ? readModel : readModel + "-v" + generation;
    }
}
