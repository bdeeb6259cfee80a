package org.migrationledger.analysis.change;

/** A lock a change takes on one relation (table or index), named as in {@link Names#normalize(String)}. */
public record TableLock(String relation, LockLevel level) {}
