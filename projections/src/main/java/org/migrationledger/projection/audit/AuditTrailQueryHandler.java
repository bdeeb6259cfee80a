package org.migrationledger.projection.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.migrationledger.api.queries.AuditEventView;
import org.migrationledger.api.queries.AuditFilter;
import org.migrationledger.api.queries.AuditPageView;
import org.migrationledger.api.queries.FindAuditEvents;
import org.migrationledger.projection.rebuild.Generations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the audit trail by keyset on (recorded time, global index): every page is one index range scan, however deep
 * it lies. Exports walk the same keyset page by page through the query gateway.
 */
@Component
class AuditTrailQueryHandler {

    private final JdbcClient jdbc;
    private final Generations generations;

    AuditTrailQueryHandler(JdbcClient jdbc, Generations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    /** @throws IllegalArgumentException when {@code after} is not a cursor of this trail */
    @QueryHandler
    public AuditPageView handle(FindAuditEvents query) {
        AuditCursor after = query.after() == null ? null : AuditCursor.decode(query.after());
        int limit = Math.max(1, Math.min(query.limit(), FindAuditEvents.MAX_PAGE_SIZE));
        List<AuditEventView> rows =
                page(generations.active(AuditTrailReadModel.NAME), query.filter(), after, limit + 1);
        if (rows.size() <= limit) {
            return new AuditPageView(rows, null);
        }
        List<AuditEventView> page = rows.subList(0, limit);
        AuditEventView last = page.get(limit - 1);
        return new AuditPageView(page, new AuditCursor(last.recordedAt(), last.position()).encode());
    }

    private List<AuditEventView> page(int generation, AuditFilter filter, AuditCursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select global_index, event_id, event_type, database_name,
                sequence_number, migration_id, environment, principal, source_tool, source_run_url, correlation_id,
                recorded_at, summary, payload::text as payload from audit_event where generation = :generation""");
        var statement = new java.util.LinkedHashMap<String, Object>();
        statement.put("generation", generation);
        condition(sql, statement, "database_name = :database", "database", filter.database());
        condition(sql, statement, "migration_id = :migration", "migration", filter.migrationId());
        condition(sql, statement, "environment = :environment", "environment", filter.environment());
        condition(sql, statement, "principal = :actor", "actor", filter.actor());
        condition(
                sql,
                statement,
                "recorded_at >= :from",
                "from",
                filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(sql, statement, "recorded_at < :to", "to", filter.to() == null ? null : Timestamp.from(filter.to()));
        if (after != null) {
            sql.append(" and (recorded_at, global_index) > (:afterAt, :afterPosition)");
            statement.put("afterAt", Timestamp.from(after.recordedAt()));
            statement.put("afterPosition", after.position());
        }
        sql.append(" order by recorded_at, global_index limit :limit");
        statement.put("limit", limit);
        return jdbc.sql(sql.toString())
                .params(statement)
                .query(AuditTrailQueryHandler::view)
                .list();
    }

    private static void condition(
            StringBuilder sql, java.util.Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    private static AuditEventView view(ResultSet rs, int row) throws SQLException {
        return new AuditEventView(
                rs.getLong("global_index"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("database_name"),
                rs.getLong("sequence_number"),
                rs.getString("migration_id"),
                rs.getString("environment"),
                rs.getString("principal"),
                rs.getString("source_tool"),
                rs.getString("source_run_url"),
                rs.getString("correlation_id"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("summary"),
                rs.getString("payload"));
    }
}
