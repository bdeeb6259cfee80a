package org.migrationledger.analysis.empirical;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@link CatalogSnapshot} from the system catalogs, leaving out PostgreSQL's own schemas. */
final class CatalogReader {

    static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'";

    private static final String TABLES = "SELECT n.nspname || '.' || c.relname, c.relfilenode FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMAS;

    private static final String COLUMNS = "SELECT n.nspname || '.' || c.relname || '.' || a.attname,"
            + " format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid)"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND " + USER_SCHEMAS;

    private static final String INDEXES = "SELECT n.nspname || '.' || i.relname, pg_get_indexdef(i.oid)"
            + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace"
            + " WHERE " + USER_SCHEMAS;

    private static final String CONSTRAINTS = "SELECT n.nspname || '.' || c.relname || '.' || con.conname,"
            + " pg_get_constraintdef(con.oid) || CASE WHEN con.convalidated THEN '' ELSE ' NOT VALID' END"
            + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMAS;

    private static final String ENUMS = "SELECT n.nspname || '.' || t.typname, e.enumlabel FROM pg_enum e"
            + " JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE " + USER_SCHEMAS + " ORDER BY 1, e.enumsortorder";

    private CatalogReader() {}

    static CatalogSnapshot read(Connection connection) throws SQLException {
        Map<String, Long> tables = new HashMap<>();
        Map<String, ColumnShape> columns = new HashMap<>();
        Map<String, String> indexes = new HashMap<>();
        Map<String, String> constraints = new HashMap<>();
        Map<String, List<String>> enums = new HashMap<>();
        query(connection, TABLES, rs -> tables.put(rs.getString(1), rs.getLong(2)));
        query(
                connection,
                COLUMNS,
                rs -> columns.put(
                        rs.getString(1), new ColumnShape(rs.getString(2), rs.getBoolean(3), rs.getString(4))));
        query(connection, INDEXES, rs -> indexes.put(rs.getString(1), rs.getString(2)));
        query(connection, CONSTRAINTS, rs -> constraints.put(rs.getString(1), rs.getString(2)));
        query(
                connection,
                ENUMS,
                rs -> enums.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2)));
        return new CatalogSnapshot(tables, columns, indexes, constraints, enums);
    }

    interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    static void query(Connection connection, String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                handler.handle(rows);
            }
        }
    }
}
