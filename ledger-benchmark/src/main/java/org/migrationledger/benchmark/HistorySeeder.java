package org.migrationledger.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Builds a large, real history fast. A template database is delivered through the service (every event written by
 * the ledger itself); its stream is then copied in SQL under other database names, the database name inside each
 * payload replaced, so every copy is a stream the service reads, judges and projects like one it wrote. The copies
 * can be written in the revisions an old version of the ledger stored, to measure the upcasters on replay.
 */
final class HistorySeeder {

    static final String TEMPLATE = "benchtemplate";
    private static final String EVENTS = "org.migrationledger.api.events.";
    private static final int DATABASES_PER_STATEMENT = 50;
    private static final String CLONE = """
            insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                payload_type, payload_revision, payload, meta_data)
            select gen_random_uuid()::text, c.name, e.sequence_number, e.type, e.time_stamp, e.payload_type,
                case when ? and e.payload_type in (?, ?) then '1' else e.payload_revision end,
                convert_to(case
                    when not ? then c.payload
                    when e.payload_type = ? then (c.payload::jsonb - 'durationMs')::text
                    when e.payload_type = ? then (c.payload::jsonb - 'category')::text
                    else c.payload end, 'UTF8'),
                e.meta_data
            from generate_series(?, ?) n
            cross join domain_event_entry e
            cross join lateral (select ? || lpad(n::text, 4, '0') as name) d
            cross join lateral (select d.name,
                replace(convert_from(e.payload, 'UTF8'), '"database":"%1$s"', '"database":"' || d.name || '"')
                    as payload) c
            where e.aggregate_identifier = '%1$s'
            order by n, e.sequence_number
            """.formatted(TEMPLATE);

    /**
     * A long history for one database, written in one statement inside the server: the template's registration, then
     * its migration k's events again for migration n (k = (n - 1) mod template + 1), with n's id, version, script,
     * checksum and release in place of k's. Nothing leaves the server, which is quicker than COPY from the client.
     */
    private static final String REPLICATE = """
            with template as (
                select e.*, convert_from(e.payload, 'UTF8') as text,
                    sum(case when e.payload_type = '%2$sMigrationProposed' then 1 else 0 end)
                        over (order by e.sequence_number) as k
                from domain_event_entry e where e.aggregate_identifier = '%1$s'),
            written as (
                select t.*, n, m.*
                from template t
                cross join generate_series(0, ?) n
                cross join lateral (select
                    lpad(t.k::text, 5, '0') || '_add_column_c' || t.k as old_id,
                    lpad(n::text, 5, '0') || '_add_column_c' || n as new_id) m
                where (t.k = 0 and n = 0) or (t.k > 0 and n > 0 and (n - 1) %% ? + 1 = t.k))
            insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                payload_type, payload_revision, payload, meta_data)
            select gen_random_uuid()::text, ?, row_number() over (order by n, sequence_number) - 1, type, time_stamp,
                payload_type, payload_revision,
                convert_to(case when n = 0 then replace(text, '"database":"%1$s"', '"database":"' || ? || '"') else
                    regexp_replace(replace(replace(replace(replace(replace(replace(replace(text,
                        '"database":"%1$s"', '"database":"' || ? || '"'),
                        '"' || old_id || '"', '"' || new_id || '"'),
                        '"1.' || k || '.0"', '"1.' || n || '.0"'),
                        'app-1.' || k || '.0', 'app-1.' || n || '.0'),
                        'column c' || k || ' integer', 'column c' || n || ' integer'),
                        'column c' || k || ';', 'column c' || n || ';'),
                        'adds column c' || k || '"', 'adds column c' || n || '"'),
                        encode(sha256(convert_to('alter table orders add column c' || k || ' integer;', 'UTF8')), 'hex'),
                        encode(sha256(convert_to('alter table orders add column c' || n || ' integer;', 'UTF8')), 'hex'),
                        'gi') end, 'UTF8'),
                meta_data
            from written
            order by n, sequence_number
            """.formatted(TEMPLATE, EVENTS);

    private final ScratchDatabase database;

    HistorySeeder(ScratchDatabase database) {
        this.database = database;
    }

    /** Delivers {@code migrations} migrations to a new database through the service, one after the other. */
    static void deliver(Pipeline pipeline, String name, int migrations) {
        pipeline.register(name);
        for (int n = 1; n <= migrations; n++) {
            pipeline.deliver(name, n);
        }
    }

    /**
     * Writes database {@code name} with {@code migrations} migrations, each the life of one of the template's
     * {@code templateMigrations}; answers the events written.
     */
    long replicateTemplate(String name, int migrations, int templateMigrations) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement replicate = connection.prepareStatement(REPLICATE)) {
            replicate.setInt(1, migrations);
            replicate.setInt(2, templateMigrations);
            replicate.setString(3, name);
            replicate.setString(4, name);
            replicate.setString(5, name);
            return replicate.executeUpdate();
        }
    }

    /**
     * Copies the template's stream to databases {@code prefix0001} … ; answers the events written.
     *
     * @param legacy write proposals and applies in revision 1 (no category, no duration), as the prototype did
     */
    long copyTemplate(String prefix, int copies, boolean legacy) throws SQLException {
        long written = 0;
        try (Connection connection = database.connect();
                PreparedStatement clone = connection.prepareStatement(CLONE)) {
            for (int first = 1; first <= copies; first += DATABASES_PER_STATEMENT) {
                int column = 1;
                clone.setBoolean(column++, legacy);
                clone.setString(column++, EVENTS + "MigrationApplied");
                clone.setString(column++, EVENTS + "MigrationProposed");
                clone.setBoolean(column++, legacy);
                clone.setString(column++, EVENTS + "MigrationApplied");
                clone.setString(column++, EVENTS + "MigrationProposed");
                clone.setInt(column++, first);
                clone.setInt(column++, Math.min(copies, first + DATABASES_PER_STATEMENT - 1));
                clone.setString(column, prefix);
                written += clone.executeUpdate();
            }
        }
        return written;
    }
}
