package org.migrationledger.projection.audit;

import java.util.List;
import org.migrationledger.projection.rebuild.Generations;
import org.migrationledger.projection.rebuild.ProcessorPositions;
import org.migrationledger.projection.rebuild.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares a generation of the audit trail with the event store: every stored event must have exactly one row, at
 * the event's own global index. Only positions the generation's processor has fully processed are judged; events
 * beyond them are lag, not loss.
 */
@Component
public class AuditTrailConsistency {

    // The event store's table (ledger-service V001) is read on purpose: it is what the trail must match.
    private static final String PER_DATABASE = """
            with stored as (
                select global_index, event_identifier, aggregate_identifier
                from domain_event_entry
                where global_index between :from and :to
            ), trail as (
                select global_index, event_id, database_name
                from audit_event
                where generation = :generation and global_index between :from and :to
            )
            select coalesce(stored.aggregate_identifier, trail.database_name) as database_name,
                   count(stored.global_index) as store_events,
                   count(trail.global_index) as trail_rows,
                   count(*) filter (where trail.global_index is null) as missing,
                   count(*) filter (where stored.global_index is null) as unexpected,
                   min(stored.global_index) filter (where trail.global_index is null) as first_missing
            from stored
            full join trail
                on trail.global_index = stored.global_index and trail.event_id = stored.event_identifier
            group by 1
            order by 1
            """;

    private final JdbcClient jdbc;
    private final Generations generations;
    private final ProcessorPositions positions;

    AuditTrailConsistency(JdbcClient jdbc, Generations generations, ProcessorPositions positions) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.positions = positions;
    }

    /** Checks the serving generation from {@code from} up to {@code to}, or up to what it has processed. */
    public AuditTrailConsistencyView checkActive(long from, Long to) {
        return check(generations.active(AuditTrailReadModel.NAME), from, to);
    }

    /** Checks one generation from {@code from} up to {@code to}, or up to what its processor has processed. */
    public AuditTrailConsistencyView check(int generation, long from, Long to) {
        long processed = positions
                .processedUpTo(ReadModel.processorName(AuditTrailReadModel.NAME, generation))
                .orElse(-1);
        long upTo = to == null ? processed : Math.min(to, processed);
        List<DatabaseConsistencyView> databases = jdbc.sql(PER_DATABASE)
                .param("generation", generation)
                .param("from", Math.max(0, from))
                .param("to", upTo)
                .query((rs, row) -> new DatabaseConsistencyView(
                        rs.getString("database_name"),
                        rs.getLong("store_events"),
                        rs.getLong("trail_rows"),
                        rs.getLong("missing"),
                        rs.getLong("unexpected"),
                        (Long) rs.getObject("first_missing")))
                .list();
        return AuditTrailConsistencyView.of(generation, Math.max(0, from), upTo, databases);
    }
}
