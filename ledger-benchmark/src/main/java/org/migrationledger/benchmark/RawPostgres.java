package org.migrationledger.benchmark;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What this machine's PostgreSQL does with no framework in the way (the scripts of the shared raw-postgres bench, in
 * Java so that they run in the same run): durable single-row INSERT commits into a table shaped like Axon's event
 * table, and the paged sequential read a tracking processor does.
 */
final class RawPostgres {

    private static final String TABLE = """
            create table if not exists bench_raw_event (
                global_index bigserial primary key,
                event_identifier varchar(255) not null unique,
                aggregate_identifier varchar(255) not null,
                sequence_number bigint not null,
                type varchar(255),
                time_stamp varchar(255) not null,
                payload_type varchar(255) not null,
                payload_revision varchar(255),
                payload bytea not null,
                meta_data bytea,
                unique (aggregate_identifier, sequence_number))
            """;
    private static final String INSERT = """
            insert into bench_raw_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                payload_type, payload_revision, payload, meta_data)
            values (?, ?, nextval('bench_raw_event_global_index_seq'), 'SchemaLedger', ?,
                'org.migrationledger.api.events.MigrationApplied', '2', ?, ?)
            """;
    private static final String PAGE = """
            select global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                payload_type, payload_revision, payload, meta_data
            from domain_event_entry where global_index > ? and global_index <= ? order by global_index
            """;
    private static final int PAGE_SIZE = 1000;
    private static final byte[] META = ("{\"principal\":\"bench-pipeline\",\"sourceTool\":\"flyway\",\"sourceRunUrl\":"
                    + "\"https://ci.example.org/orders/pipelines/1234\",\"correlationId\":\"" + UUID.randomUUID()
                    + "\",\"traceId\":\"" + UUID.randomUUID() + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final ScratchDatabase database;

    RawPostgres(ScratchDatabase database) throws SQLException {
        this.database = database;
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(TABLE);
        }
    }

    /** Single-row autocommit INSERTs (one durable commit each) from {@code clients} connections; rows per second. */
    double appendRate(int clients, double seconds) throws Exception {
        return Load.run(clients, seconds, client -> new Appender(database.connect()));
    }

    /** Reads the whole event store in global-index order, a page of 1000 at a time; rows per second. */
    double sequentialReadRate() throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement page = connection.prepareStatement(PAGE)) {
            long head = head(connection);
            long rows = 0;
            long start = System.nanoTime();
            for (long last = 0; last < head; last += PAGE_SIZE) {
                page.setLong(1, last);
                page.setLong(2, last + PAGE_SIZE);
                try (ResultSet result = page.executeQuery()) {
                    while (result.next()) {
                        result.getBytes(9);
                        result.getBytes(10);
                        rows++;
                    }
                }
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** One client of the append baseline: its own connection, autocommit, one prepared INSERT. */
    private static final class Appender implements Load.Operation {

        private final Connection connection;
        private final PreparedStatement insert;

        Appender(Connection connection) throws SQLException {
            this.connection = connection;
            this.insert = connection.prepareStatement(INSERT);
        }

        @Override
        public boolean perform() throws SQLException {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "orders-" + ThreadLocalRandom.current().nextInt(100_000));
            insert.setString(3, Instant.now().toString());
            insert.setBytes(4, payload());
            insert.setBytes(5, META);
            return insert.executeUpdate() == 1;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    static long head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result =
                        statement.executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** An apply's JSON as the ledger stores it, padded to 600–1000 bytes like the shared bench's payloads. */
    private static byte[] payload() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int n = random.nextInt(100_000);
        String json =
                ("{\"database\":\"orders-%d\",\"migrationId\":\"%05d_add_column_c%d\",\"environment\":\"staging\","
                                + "\"checksum\":\"%s\",\"startedAt\":\"%s\",\"durationMs\":%d,\"tool\":\"flyway\","
                                + "\"runUrl\":\"https://ci.example.org/orders/pipelines/%d\",\"violations\":[],\"note\":\"")
                        .formatted(n, n, n, Principals.sha256("x" + n), Instant.now(), n % 900, n);
        int padding = Math.max(0, random.nextInt(600, 1000) - json.length() - 2);
        return (json + "x".repeat(padding) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
