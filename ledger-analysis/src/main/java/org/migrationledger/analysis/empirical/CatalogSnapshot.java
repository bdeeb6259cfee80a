package org.migrationledger.analysis.empirical;

import java.util.List;
import java.util.Map;

/**
 * The user-visible schema of a database at one moment, keyed by qualified name ({@code schema.table},
 * {@code schema.table.column}, {@code schema.index}, {@code schema.table.constraint}, {@code schema.type}).
 *
 * @param tableFiles each table's relfilenode: a rewrite gives the table a new one
 * @param indexes index definitions as {@code pg_get_indexdef} prints them
 * @param constraints constraint definitions as {@code pg_get_constraintdef} prints them, plus NOT VALID when so
 * @param enumValues each enum's labels in sort order
 */
public record CatalogSnapshot(
        Map<String, Long> tableFiles,
        Map<String, ColumnShape> columns,
        Map<String, String> indexes,
        Map<String, String> constraints,
        Map<String, List<String>> enumValues) {

    public CatalogSnapshot {
        tableFiles = Map.copyOf(tableFiles);
        columns = Map.copyOf(columns);
        indexes = Map.copyOf(indexes);
        constraints = Map.copyOf(constraints);
        enumValues = Map.copyOf(enumValues);
    }

    /** Whether the relation (table or index) existed in this snapshot. */
    public boolean hasRelation(String qualifiedName) {
        return tableFiles.containsKey(qualifiedName) || indexes.containsKey(qualifiedName);
    }
}
