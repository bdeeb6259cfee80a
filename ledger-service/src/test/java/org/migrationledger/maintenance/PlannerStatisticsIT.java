package org.migrationledger.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.testsupport.FreshPostgresDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * On a server without autovacuum (as the one on the machines of this project), the ledger analyzes a table once it
 * has changed enough, and leaves it alone once analyzed; on one with autovacuum, it leaves statistics to the server.
 */
class PlannerStatisticsIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static JdbcClient jdbc;
    private static PlannerStatistics statistics;

    @BeforeAll
    static void aTableThatGrew() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                POSTGRES.database().jdbcUrl(),
                POSTGRES.database().user(),
                POSTGRES.database().password());
        jdbc = JdbcClient.create(dataSource);
        statistics = new PlannerStatistics(jdbc, new DataSourceTransactionManager(dataSource));
        jdbc.sql("create table planner_sample (id bigint primary key, note text)")
                .update();
        jdbc.sql("insert into planner_sample select n, 'row ' || n from generate_series(1, 5000) n")
                .update();
    }

    @Test
    void analyzesAGrownTableOnceWhenTheServerDoesNot() {
        boolean autovacuum = jdbc.sql("select current_setting('autovacuum') = 'on'")
                .query(Boolean.class)
                .single();
        if (autovacuum) {
            assertThat(statistics.analyzeChangedTables()).isEmpty();
            return;
        }
        assertThat(estimatedRows())
                .as("the planner's guess before any statistics")
                .isNotEqualTo(5000);

        // The server reports a transaction's row counts within a second or so of its commit.
        List<String> analyzed = List.of();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!analyzed.contains("planner_sample") && Instant.now().isBefore(deadline)) {
            analyzed = statistics.analyzeChangedTables();
        }

        assertThat(analyzed).contains("planner_sample");
        assertThat(estimatedRows()).isEqualTo(5000);
        assertThat(statistics.analyzeChangedTables()).doesNotContain("planner_sample");
    }

    private static long estimatedRows() {
        String plan = jdbc.sql("explain (format json) select * from planner_sample")
                .query(String.class)
                .single();
        return Long.parseLong(plan.replaceAll("(?s).*\"Plan Rows\": (\\d+).*", "$1"));
    }
}
