package org.migrationledger.client.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a PostgreSQL database's schema from the system catalogs: tables, columns with types, nullability and
 * defaults, indexes, constraints and enum labels. PostgreSQL's own schemas and the migration tool's history table are
 * left out: they are not part of the application's schema.
 */
public final class CatalogCapture {

    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'"
            + " AND (cardinality(?::text[]) = 0 OR n.nspname = ANY (?::text[]))";

    private static final String TABLES = "SELECT c.oid, n.nspname, c.relname FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMAS
            + " ORDER BY n.nspname, c.relname";

    private static final String COLUMNS = "SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod),"
            + " NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a"
            + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND " + USER_SCHEMAS
            + " ORDER BY a.attrelid, a.attnum";

    private static final String INDEXES = "SELECT x.indrelid, i.relname, pg_get_indexdef(i.oid), x.indisunique"
            + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace"
            + " WHERE " + USER_SCHEMAS + " ORDER BY x.indrelid, i.relname";

    private static final String CONSTRAINTS = "SELECT con.conrelid, con.conname, con.contype,"
            + " pg_get_constraintdef(con.oid) || CASE WHEN con.convalidated THEN '' ELSE ' NOT VALID' END"
            + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE con.contype <> 't' AND " + USER_SCHEMAS
            + " ORDER BY con.conrelid, con.conname";

    private static final String ENUMS = "SELECT n.nspname, t.typname, e.enumlabel FROM pg_enum e"
            + " JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE " + USER_SCHEMAS + " ORDER BY n.nspname, t.typname, e.enumsortorder";

    private CatalogCapture() {}

    /**
     * @param schemas the schemas to capture; empty for every user schema
     * @param leaveOut tables to leave out, as {@code schema.table} (e.g. the Flyway history table)
     */
    public static ObservedSchema capture(Connection connection, List<String> schemas, Set<String> leaveOut)
            throws SQLException {
        String[] filter = schemas.toArray(String[]::new);
        Map<Long, TableParts> tables = new LinkedHashMap<>();
        query(connection, TABLES, filter, rs -> {
            String qualified = rs.getString(2) + "." + rs.getString(3);
            if (!leaveOut.contains(qualified)) {
                tables.put(rs.getLong(1), new TableParts(rs.getString(2), rs.getString(3)));
            }
        });
        query(connection, COLUMNS, filter, rs -> {
            TableParts table = tables.get(rs.getLong(1));
            if (table != null) {
                table.columns.add(
                        new ObservedSchema.Column(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)));
            }
        });
        query(connection, INDEXES, filter, rs -> {
            TableParts table = tables.get(rs.getLong(1));
            if (table != null) {
                table.indexes.add(new ObservedSchema.Index(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
            }
        });
        query(connection, CONSTRAINTS, filter, rs -> {
            TableParts table = tables.get(rs.getLong(1));
            if (table != null) {
                table.constraints.add(new ObservedSchema.Constraint(
                        rs.getString(2), constraintType(rs.getString(3)), rs.getString(4)));
            }
        });
        Map<String, List<String>> enums = new LinkedHashMap<>();
        query(
                connection,
                ENUMS,
                filter,
                rs -> enums.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
                        .add(rs.getString(3)));
        return new ObservedSchema(
                connection.getMetaData().getDatabaseProductVersion(),
                tables.values().stream().map(TableParts::toTable).toList(),
                enums.entrySet().stream()
                        .map(e -> new ObservedSchema.EnumType(
                                e.getKey().split("\u0000")[0], e.getKey().split("\u0000")[1], e.getValue()))
                        .toList());
    }

    private static String constraintType(String code) {
        return switch (code) {
            case "p" -> "PRIMARY KEY";
            case "f" -> "FOREIGN KEY";
            case "u" -> "UNIQUE";
            case "c" -> "CHECK";
            case "x" -> "EXCLUDE";
            case "n" -> "NOT NULL";
            default -> code;
        };
    }

    interface Row {
        void read(ResultSet row) throws SQLException;
    }

    static void query(Connection connection, String sql, String[] schemas, Row row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            java.sql.Array array = connection.createArrayOf("text", schemas);
            statement.setArray(1, array);
            statement.setArray(2, array);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        }
    }

    private static final class TableParts {
        private final String schema;
        private final String name;
        private final List<ObservedSchema.Column> columns = new ArrayList<>();
        private final List<ObservedSchema.Index> indexes = new ArrayList<>();
        private final List<ObservedSchema.Constraint> constraints = new ArrayList<>();

        TableParts(String schema, String name) {
            this.schema = schema;
            this.name = name;
        }

        ObservedSchema.Table toTable() {
            return new ObservedSchema.Table(schema, name, columns, indexes, constraints);
        }
    }
}
