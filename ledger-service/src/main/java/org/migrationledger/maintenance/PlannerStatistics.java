package org.migrationledger.maintenance;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps PostgreSQL's planner statistics of the ledger's tables when the server runs without autovacuum (a setting some
 * CI and appliance servers use). Without statistics the planner takes every table for a handful of rows, and the
 * generic plans of the read models' statements choose between indexes by a tie: on a 5,000-migration database one such
 * plan read every version-history entry of the database for each proposal (docs/benchmarks.md, session 6). The rule is
 * autovacuum's own (a table is analyzed once more rows changed than the server's analyze threshold plus its scale
 * factor times the table's rows), so with autovacuum on, PostgreSQL's default, this does nothing.
 */
@Component
public class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    /** The advisory lock's key (one node analyzes at a time): "ANLZ". */
    private static final long ANALYZING = 0x414e4c5aL;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AtomicBoolean announced = new AtomicBoolean();

    public PlannerStatistics(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Analyzes the tables of the ledger's schema that changed enough; the names of those analyzed. */
    @Scheduled(
            initialDelayString = "${ledger.maintenance.analyze-interval:1m}",
            fixedDelayString = "${ledger.maintenance.analyze-interval:1m}")
    public List<String> analyzeChangedTables() {
        if (jdbc.sql("select current_setting('autovacuum') = 'on'")
                .query(Boolean.class)
                .single()) {
            return List.of();
        }
        if (announced.compareAndSet(false, true)) {
            log.warn(
                    "The PostgreSQL server runs without autovacuum: the ledger analyzes its own tables as they grow, but"
                            + " nothing vacuums them; see docs/operations/CONFIGURATION.md (ledger.maintenance.analyze-interval)");
        }
        return transactions.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(?)")
                    .param(ANALYZING)
                    .query(Boolean.class)
                    .single()) {
                return List.of();
            }
            List<String> changed = jdbc.sql("""
                            select relname from pg_stat_user_tables
                            where schemaname = current_schema()
                            and n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::bigint
                                + current_setting('autovacuum_analyze_scale_factor')::float8
                                  * greatest(n_live_tup, 0)
                            order by relname""").query(String.class).list();
            changed.forEach(table -> jdbc.sql("analyze " + quoted(table)).update());
            if (!changed.isEmpty()) {
                log.debug("Analyzed {}", changed);
            }
            return changed;
        });
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
