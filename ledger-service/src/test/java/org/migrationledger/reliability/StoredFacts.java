package org.migrationledger.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** What the event store and the read models hold, read straight from the database with SQL of the test's own. */
record StoredFacts(String jdbcUrl) {

    /** How often each migration id was proposed, by the MigrationProposed events in the event table. */
    Map<String, Integer> proposals() {
        Map<String, Integer> counts = new HashMap<>();
        query("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'migrationId', count(*) from domain_event_entry
                where payload_type like '%MigrationProposed' group by 1""", rows -> counts.put(rows.getString(1), rows.getInt(2)));
        return counts;
    }

    long events() {
        return number("select count(*) from domain_event_entry");
    }

    /** Events not (yet) in the serving audit trail: 0 once the read model has caught up. */
    long auditTrailBehind() {
        return number("""
                select count(*) from domain_event_entry e where not exists (
                    select 1 from audit_event a join projection_generation g
                    on g.read_model = 'audit-trail' and g.state = 'ACTIVE' and a.generation = g.generation
                    where a.event_id = e.event_identifier)""");
    }

    /** Proposed migration ids missing from the version-history read model. */
    long versionHistoryBehind() {
        return number("""
                select count(*) from domain_event_entry e where payload_type like '%MigrationProposed'
                and not exists (select 1 from version_history_migration v
                    where v.migration_id = convert_from(e.payload, 'UTF8')::jsonb ->> 'migrationId')""");
    }

    long number(String sql) {
        long[] value = new long[1];
        query(sql, rows -> value[0] = rows.getLong(1));
        return value[0];
    }

    String text(String sql) {
        String[] value = new String[1];
        query(sql, rows -> value[0] = rows.getString(1));
        return value[0];
    }

    void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void query(String sql, RowReader reader) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }
}
