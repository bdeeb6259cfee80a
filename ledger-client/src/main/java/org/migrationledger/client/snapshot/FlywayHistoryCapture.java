package org.migrationledger.client.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a target database's Flyway history table, in installed order. */
public final class FlywayHistoryCapture {

    public static final String DEFAULT_TABLE = "flyway_schema_history";

    private FlywayHistoryCapture() {}

    /**
     * The rows of the history table; empty when the database has no such table (Flyway never ran there).
     *
     * @param table {@code table} (in the connection's current schema) or {@code schema.table}
     */
    public static List<FlywayHistoryRow> read(Connection connection, String table) throws SQLException {
        Optional<String> qualified = locate(connection, table);
        if (qualified.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT installed_rank, version, description, type, script, checksum, installed_by,"
                + " installed_on AT TIME ZONE current_setting('TimeZone'), execution_time, success FROM "
                + qualified.get() + " ORDER BY installed_rank";
        List<FlywayHistoryRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime installedOn = rs.getObject(8, OffsetDateTime.class);
                rows.add(new FlywayHistoryRow(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        (Integer) rs.getObject(6),
                        rs.getString(7),
                        installedOn == null ? null : installedOn.toInstant(),
                        (Integer) rs.getObject(9),
                        rs.getBoolean(10)));
            }
        }
        return rows;
    }

    /** The table's quoted, schema-qualified name, when it exists. */
    public static Optional<String> locate(Connection connection, String table) throws SQLException {
        String sql = "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
                + " AND c.relname = ? AND n.nspname = coalesce(?, current_schema())";
        String[] parts = table.split("\\.", 2);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parts.length == 2 ? parts[1] : parts[0]);
            statement.setString(2, parts.length == 2 ? parts[0] : null);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
