package org.migrationledger.analysis;

import java.util.Map;
import org.migrationledger.analysis.change.Names;

/**
 * Column types known from outside the script, e.g. the latest schema snapshot the ledger holds for the target
 * environment. With them the analysis can tell a binary-compatible widening (varchar(32) to text) from a table
 * rewrite (integer to bigint); without them every type change is judged as a possible rewrite.
 *
 * @param columnTypes types keyed {@code table.column} or {@code schema.table.column}, spelled as PostgreSQL's
 *     {@code format_type} prints them (e.g. {@code character varying(32)})
 * @param source where the types were learnt, named in findings that rely on them (e.g. {@code the schema observed in
 *     production at 1.4.0}); null when unnamed
 */
public record KnownSchema(Map<String, String> columnTypes, String source) {

    public static final KnownSchema NONE = new KnownSchema(Map.of(), null);

    public KnownSchema {
        columnTypes = Map.copyOf(columnTypes);
    }

    public KnownSchema(Map<String, String> columnTypes) {
        this(columnTypes, null);
    }

    /** The column's known type, or null; an unqualified table name matches any schema. */
    public String columnType(String table, String column) {
        return columnTypes.entrySet().stream()
                .filter(entry -> matches(Names.normalize(entry.getKey()), table, column))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static boolean matches(String key, String table, String column) {
        int dot = key.lastIndexOf('.');
        return dot > 0 && key.substring(dot + 1).equals(column) && Names.sameRelation(key.substring(0, dot), table);
    }
}
