package org.migrationledger.analysis;

/**
 * The expand/migrate/contract phase a migration belongs to, declared in this order from weakest to strongest: a
 * declared category earlier in the order than the inferred one understates the migration.
 */
public enum Category {
    /** Adds tables, nullable columns, indexes, enum values: old code keeps working. */
    EXPAND,
    /** Moves data: backfills, row deletes, tightening a column once it is backfilled. */
    MIGRATE,
    /** Removes or renames what old code still uses: drops, renames, in-place type changes. */
    CONTRACT;

    public boolean isWeakerThan(Category other) {
        return compareTo(other) < 0;
    }
}
