package org.migrationledger.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.migrationledger.chain.ChainEntry;
import org.migrationledger.chain.ChainHead;
import org.migrationledger.chain.ChainLink;
import org.migrationledger.chain.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the chain beside the event table: its head, and what each position holds in both (a full join, so that an
 * event the chain never linked and a link whose event is gone both show).
 */
@Component
public class ChainStore {

    static final String EVENTS_AFTER = """
            select global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                   payload_type, payload_revision, payload, meta_data
            from domain_event_entry where global_index > ? order by global_index limit ?
            """;
    private static final String ENTRIES = """
            select coalesce(c.global_index, e.global_index) as position, e.event_identifier, e.aggregate_identifier,
                   e.sequence_number, e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data,
                   c.event_identifier as linked_event_identifier, c.previous_position, c.previous_hash,
                   c.payload_hash, c.metadata_hash, c.hash
            from (select * from event_chain where global_index > ? and global_index <= ?) c
            full join (select * from domain_event_entry where global_index > ? and global_index <= ?) e
                   on e.global_index = c.global_index
            order by position
            """;
    private static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    ChainStore(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(template.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** The last linked event. */
    public record Head(long position, byte[] hash, Instant chainedAt) {

        public ChainHead chainHead() {
            return new ChainHead(position, hash);
        }
    }

    public Optional<Head> head() {
        return head(jdbc);
    }

    static Optional<Head> head(JdbcClient jdbc) {
        return jdbc.sql("select global_index, hash, chained_at from event_chain order by global_index desc limit 1")
                .query((rs, row) -> new Head(
                        rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /** Waits (bounded) until the chain has linked {@code position}; answers whether it has. */
    public boolean awaitLinked(long position, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        while (head().map(Head::position).orElse(0L) < position) {
            if (clock.instant().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The entries of positions {@code (after, through]}, in order. */
    public List<ChainEntry> entries(long after, long through) {
        return jdbc.sql(ENTRIES)
                .params(after, through, after, through)
                .query(ChainStore::entry)
                .list();
    }

    /** Streams the entries of positions {@code (after, through]} in order, a fetch at a time, in one read. */
    public void stream(long after, long through, Consumer<ChainEntry> sink) {
        readOnly.executeWithoutResult(status -> streaming.query(
                ENTRIES,
                rs -> {
                    sink.accept(entry(rs, 0));
                },
                after,
                through,
                after,
                through));
    }

    static StoredEvent storedEvent(ResultSet rs, int row) throws SQLException {
        return storedEvent(rs, rs.getLong("global_index"));
    }

    private static StoredEvent storedEvent(ResultSet rs, long position) throws SQLException {
        return new StoredEvent(
                position,
                rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"),
                rs.getString("type"),
                rs.getString("time_stamp"),
                rs.getString("payload_type"),
                rs.getString("payload_revision"),
                rs.getBytes("payload"),
                rs.getBytes("meta_data"));
    }

    private static ChainEntry entry(ResultSet rs, int row) throws SQLException {
        long position = rs.getLong("position");
        StoredEvent event = rs.getString("event_identifier") == null ? null : storedEvent(rs, position);
        ChainLink link = rs.getBytes("hash") == null
                ? null
                : new ChainLink(
                        position,
                        rs.getString("linked_event_identifier"),
                        rs.getLong("previous_position"),
                        rs.getBytes("previous_hash"),
                        rs.getBytes("payload_hash"),
                        rs.getBytes("metadata_hash"),
                        rs.getBytes("hash"));
        return new ChainEntry(position, event, link);
    }
}
