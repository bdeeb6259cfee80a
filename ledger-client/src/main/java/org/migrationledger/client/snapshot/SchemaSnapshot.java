package org.migrationledger.client.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the client sends to {@code POST /databases/{db}/environments/{env}/schema-snapshots}: the observed schema
 * and/or the Flyway history of a target database, captured at one instant.
 *
 * @param trigger why it was captured: {@code MIGRATE}, {@code REPAIR}, {@code BASELINE} or {@code MANUAL}
 * @param schema null when not captured
 * @param flywayHistory null when not captured, or when the database has no history table (Flyway never ran there:
 *     nothing to reconcile)
 */
public record SchemaSnapshot(
        Instant capturedAt, String trigger, ObservedSchema schema, List<FlywayHistoryRow> flywayHistory) {

    /**
     * Captures what is asked for from one connection, in one read-only pass.
     *
     * @param schemas the schemas to capture; empty for all user schemas
     * @param historyTable the Flyway history table, which is never part of the captured schema
     */
    public static SchemaSnapshot capture(
            Connection connection,
            String trigger,
            boolean withSchema,
            boolean withHistory,
            List<String> schemas,
            String historyTable)
            throws SQLException {
        Instant capturedAt = serverTime(connection);
        Optional<String> located = FlywayHistoryCapture.locate(connection, historyTable);
        List<FlywayHistoryRow> history =
                withHistory && located.isPresent() ? FlywayHistoryCapture.read(connection, historyTable) : null;
        Set<String> leaveOut =
                located.map(name -> Set.of(name.replace("\"", ""))).orElse(Set.of());
        ObservedSchema schema = withSchema ? CatalogCapture.capture(connection, schemas, leaveOut) : null;
        return new SchemaSnapshot(capturedAt, trigger, schema, history);
    }

    private static Instant serverTime(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT clock_timestamp()");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }
}
