package org.migrationledger.projection.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.applied;
import static org.migrationledger.projection.LedgerEvents.expand;
import static org.migrationledger.projection.LedgerEvents.registered;
import static org.migrationledger.projection.LedgerEvents.rolledBack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.queries.GetVersionHistory;
import org.migrationledger.api.queries.VersionHistoryView;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.projection.RowsTouched;
import org.migrationledger.testsupport.FreshPostgresDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A long history costs a page: 2,000 migrations applied to production (every tenth rolled back, the newest among
 * them), read deep into the history. What the reads of the present touch is counted from PostgreSQL's own plans
 * (EXPLAIN ANALYZE: rows each scan returned or filtered out), not timed.
 */
class VersionHistoryAtScaleIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final int MIGRATIONS = 2_000;
    private static final int LIMIT = 50;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SingleConnectionDataSource connection;
    private static JdbcClient jdbc;
    private static VersionHistoryQueryHandler queries;

    @BeforeAll
    static void applyTwoThousandMigrations() {
        ReadModelDatabase database = ReadModelDatabase.migrate(POSTGRES.database());
        database.generations().registerFirst(VersionHistoryReadModel.NAME);
        connection = ReadModelDatabase.oneConnection(POSTGRES.database());
        jdbc = JdbcClient.create(connection);
        VersionHistoryProjection projection = new VersionHistoryProjection(jdbc, 1);
        projection.on(registered());
        long sequence = 1;
        for (int i = 1; i <= MIGRATIONS; i++) {
            String id = "%05d_add_column_c%d".formatted(i, i);
            Instant at = T0.plus(Duration.ofMinutes(i));
            projection.on(expand(id, "1.%d.0".formatted(i)));
            projection.on(applied(id, "production", at), sequence++, at, "ci");
            if (i % 10 == 0) {
                projection.on(rolledBack(id, "production"), sequence++, at.plusSeconds(30), "dora");
            }
        }
        // As autovacuum would: the planner sees the table's real size.
        jdbc.sql("analyze").update();
        queries = new VersionHistoryQueryHandler(jdbc, database.generations());
    }

    @AfterAll
    static void closeTheConnection() {
        connection.destroy();
    }

    @Test
    void answersOnePageWithTheWholeCountAndTheVersionInPlace() {
        VersionHistoryView deep = queries.handle(
                        new GetVersionHistory(DB, "production", null, MIGRATIONS - 2 * LIMIT, LIMIT))
                .orElseThrow();

        assertThat(deep.history()).hasSize(LIMIT);
        assertThat(deep.history().get(0).migrationId()).isEqualTo("01901_add_column_c1901");
        assertThat(deep.historyTotal()).isEqualTo(MIGRATIONS);
        assertThat(deep.historyNext()).isEqualTo(MIGRATIONS - LIMIT);
        assertThat(deep.currentVersion()).isEqualTo("1.1999.0");
    }

    @Test
    void readsAPageOfRowsDeepInTheHistory() {
        RowsTouched page = rowsTouched(VersionHistoryQueryHandler.PAGE, MIGRATIONS - 2 * LIMIT, LIMIT);

        // The page's entries and their migrations; reading the history would touch thousands.
        assertThat(page.rows()).as(page.plan()).isLessThanOrEqualTo(2 * LIMIT);
    }

    @Test
    void readsTheCurrentVersionAndTheTotalFromAFewRows() {
        RowsTouched current = rowsTouched(VersionHistoryQueryHandler.CURRENT, 0, 0);
        RowsTouched total = rowsTouched(VersionHistoryQueryHandler.TOTAL, 0, 0);

        // The newest version's entry was rolled back: it and the one below, and that one's migration.
        assertThat(current.rows()).as(current.plan()).isLessThanOrEqualTo(3);
        assertThat(total.rows()).as(total.plan()).isLessThanOrEqualTo(1);
    }

    @Test
    void recordsAnApplyWithoutReadingTheEntriesBeforeIt() {
        // A processor runs the statement thousands of times, so PostgreSQL plans it once for any database: that
        // generic plan is the one that must not read the history. Another database's apply leaves this one's be.
        jdbc.sql("set plan_cache_mode = force_generic_plan").update();
        String plan;
        try {
            plan = jdbc.sql("explain (analyze, format json) " + VersionHistoryProjection.RECORD_APPLY)
                    .param("generation", 1)
                    .param("database", "explained")
                    .param("environment", "production")
                    .param("sequence", 1L)
                    .param("migration", "00001_add_column_c1")
                    .param("appliedAt", java.sql.Timestamp.from(T0))
                    .param("principal", "ci")
                    .query(String.class)
                    .single();
        } finally {
            jdbc.sql("reset plan_cache_mode").update();
        }

        assertThat(scannedRelations(readPlan(plan))).as(plan).doesNotContain("version_history_entry");
    }

    private static JsonNode readPlan(String plan) {
        try {
            return JSON.readTree(plan).get(0).get("Plan");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(plan, e);
        }
    }

    /** The tables the plan reads rows of (an insert's own table is written, not scanned). */
    private static java.util.List<String> scannedRelations(JsonNode node) {
        java.util.List<String> relations = new java.util.ArrayList<>();
        if (node.get("Node Type").asText().contains("Scan") && node.has("Relation Name")) {
            relations.add(node.get("Relation Name").asText());
        }
        for (JsonNode child : node.path("Plans")) {
            relations.addAll(scannedRelations(child));
        }
        return relations;
    }

    private static RowsTouched rowsTouched(String sql, int offset, int limit) {
        JdbcClient.StatementSpec explain = jdbc.sql(RowsTouched.explain(sql))
                .param("generation", 1)
                .param("database", DB)
                .param("environment", "production");
        if (sql.contains(":offset")) {
            explain = explain.param("offset", offset).param("limit", limit);
        }
        return RowsTouched.of(explain);
    }
}
