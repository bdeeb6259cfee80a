package org.migrationledger.reliability;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection of the test's own, added to each node of a multi-node test: it notes every event it handles and the
 * node that handled it, with no key to hide a second delivery, so duplicates and skips show in its table. It runs in
 * the processor's transaction, as the read models do, so its rows commit with the processor's token.
 */
@ProcessingGroup(ExactlyOnceProbe.PROCESSOR)
class ExactlyOnceProbe {

    static final String PROCESSOR = "exactly-once-probe";
    static final String NODE_PROPERTY = "ledger.test.node-name";
    static final String TABLE_DDL = """
            create schema if not exists probe;
            create table if not exists probe.projected (
                event_id varchar(255) not null, node varchar(64) not null, handled_at timestamptz default now())""";

    private final JdbcTemplate jdbc;
    private final String node;

    ExactlyOnceProbe(JdbcTemplate jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.node = environment.getRequiredProperty(NODE_PROPERTY);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        jdbc.update("insert into probe.projected (event_id, node) values (?, ?)", event.getIdentifier(), node);
    }
}
