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
