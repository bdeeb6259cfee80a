package org.migrationledger.client.snapshot;

import java.util.List;

/**
 * A database's schema as its catalog says, in the shape the ledger's schema-snapshots endpoint takes.
 *
 * @param serverVersion the PostgreSQL server version, e.g. {@code 15.18}
 * @param tables ordinary and partitioned tables of the captured schemas, ordered by schema and name
 * @param enums enum types with their labels in sort order
 */
public record ObservedSchema(String serverVersion, List<Table> tables, List<EnumType> enums) {

    public ObservedSchema {
        tables = List.copyOf(tables);
        enums = List.copyOf(enums);
    }

    /** A table with its columns (in ordinal order), indexes and constraints (by name). */
    public record Table(
            String schema, String name, List<Column> columns, List<Index> indexes, List<Constraint> constraints) {

        public Table {
            columns = List.copyOf(columns);
            indexes = List.copyOf(indexes);
            constraints = List.copyOf(constraints);
        }
    }

    /** @param defaultValue the default expression as PostgreSQL prints it; null when none */
    public record Column(String name, String type, boolean nullable, String defaultValue) {}

    /** @param definition as {@code pg_get_indexdef} prints it */
    public record Index(String name, String definition, boolean unique) {}

    /**
     * @param type {@code PRIMARY KEY}, {@code FOREIGN KEY}, {@code UNIQUE}, {@code CHECK}, {@code EXCLUDE} or
     *     {@code NOT NULL}
     * @param definition as {@code pg_get_constraintdef} prints it, plus {@code NOT VALID} when not validated
     */
    public record Constraint(String name, String type, String definition) {}

    public record EnumType(String schema, String name, List<String> values) {

        public EnumType {
            values = List.copyOf(values);
        }
    }
}
