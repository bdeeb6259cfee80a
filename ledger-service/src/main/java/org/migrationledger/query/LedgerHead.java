package org.migrationledger.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The newest position of the event store: the primary key's last entry, one index lookup. */
@Component
class LedgerHead {

    private final JdbcClient jdbc;

    LedgerHead(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The highest global index stored; -1 before the first event. */
    long position() {
        return jdbc.sql("select coalesce(max(global_index), -1) from domain_event_entry")
                .query(Long.class)
                .single();
    }
}
