package org.migrationledger.analysis.empirical;

/**
 * One difference between the catalog before and after the migration.
 *
 * @param before the object's description before, null when {@link Kind#ADDED}
 * @param after the object's description after, null when {@link Kind#REMOVED}
 */
public record CatalogChange(Kind kind, ObjectType objectType, String name, String before, String after) {

    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    public enum ObjectType {
        TABLE,
        COLUMN,
        INDEX,
        CONSTRAINT,
        ENUM_VALUE
    }
}
