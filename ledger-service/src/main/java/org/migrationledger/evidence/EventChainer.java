package org.migrationledger.evidence;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.migrationledger.chain.CanonicalForm;
import org.migrationledger.chain.ChainHead;
import org.migrationledger.chain.ChainLink;
import org.migrationledger.chain.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed events into the hash chain in global_index order, after their transactions commit, so that intake
 * never waits for the chain (docs/adr/0013). One node links at a time: each pass holds a transaction-scoped advisory
 * lock, and the chain table's unique previous position refuses a fork should two ever race.
 */
@Component
class EventChainer {

    private static final Logger LOG = LoggerFactory.getLogger(EventChainer.class);
    /** "ledger-chain" as a number: the advisory lock every node's chainer takes. */
    static final long LOCK = 0x6c65646765724368L;

    private static final String XMIN_NOW = "select pg_snapshot_xmin(pg_current_snapshot())::text::bigint";
    private static final String XMAX_NOW = "select pg_snapshot_xmax(pg_current_snapshot())::text::bigint";
    private static final String INSERT = """
            insert into event_chain (global_index, event_identifier, previous_position, previous_hash, payload_hash,
                                     metadata_hash, hash, chained_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final ChainSettings settings;
    private final Clock clock;
    private final GapRule gaps = new GapRule();

    EventChainer(
            JdbcClient jdbc,
            JdbcTemplate batches,
            TransactionTemplate transactions,
            ChainSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ledger.chain.interval:200ms}")
    void linkCommittedEvents() {
        try {
            int linked;
            do {
                linked = transactions.execute(status -> linkBatch());
            } while (linked >= settings.batchSize());
        } catch (RuntimeException e) {
            LOG.error("Linking events into the hash chain failed; the next pass retries: {}", e.getMessage());
        }
    }

    /** Links up to one batch; answers how many were linked (0 when another node holds the lock). */
    int linkBatch() {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(LOCK)
                .query(Boolean.class)
                .single()) {
            return 0;
        }
        ChainHead head = ChainStore.head(jdbc).map(ChainStore.Head::chainHead).orElse(ChainHead.EMPTY);
        List<StoredEvent> events = jdbc.sql(ChainStore.EVENTS_AFTER)
                .params(head.position(), settings.batchSize())
                .query(ChainStore::storedEvent)
                .list();
        long xminNow = -1;
        List<ChainLink> links = new ArrayList<>();
        for (StoredEvent event : events) {
            if (event.position() != head.position() + 1) {
                xminNow = xminNow >= 0 ? xminNow : snapshotBound(XMIN_NOW);
                if (!gaps.holesFinalBelow(event.position(), xminNow)) {
                    gaps.observe(event.position(), maxPosition(), snapshotBound(XMAX_NOW));
                    break;
                }
            }
            ChainLink link = CanonicalForm.link(event, head.position(), head.hash());
            links.add(link);
            head = new ChainHead(link.position(), link.hash());
        }
        insert(links);
        return links.size();
    }

    private void insert(List<ChainLink> links) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = links.stream()
                .map(link -> new Object[] {
                    link.position(),
                    link.eventId(),
                    link.previousPosition(),
                    link.previousHash(),
                    link.payloadHash(),
                    link.metadataHash(),
                    link.hash(),
                    now
                })
                .toList();
        batches.batchUpdate(INSERT, rows);
    }

    private long maxPosition() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry")
                .query(Long.class)
                .single();
    }

    private long snapshotBound(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
