package org.migrationledger.projection.drift;

/**
 * What one row of {@code drift_decision} or {@code drift_fact} records. {@link DriftProjection} writes it (as its name,
 * which the tables' check constraints list) and {@link DriftJudge} replays it: one type, so that a kind the judge does
 * not replay is a compile error, and a stored kind this type does not name fails loudly when read.
 */
enum StepKind {
    /** A decision: an approval (fully approved or one of several). */
    APPROVED,
    /** A decision: the migration was rejected. */
    REJECTED,
    /** A fact: the migration ran in the environment (reported, or imported as succeeded). */
    APPLIED,
    /** A fact: the migration failed in the environment (reported, or imported as failed). */
    FAILED,
    /** A fact: the migration was rolled back in the environment. */
    ROLLED_BACK,
    /** A fact: a repair of the history table removed the migration's failed run. */
    FAILURE_CLEARED
}
