package org.migrationledger.projection.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.migrationledger.api.queries.GetVersionHistory;
import org.migrationledger.api.queries.VersionHistoryEntryView;
import org.migrationledger.api.queries.VersionHistoryView;
import org.migrationledger.projection.rebuild.Generations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the version history of an environment from its entries: a page by ordinal, the total from the stored count
 * and the current version from the version-key index, so that the present costs a page however long the history.
 * At an instant ({@code at}), the entries applied by then, each rolled back only if its rollback was recorded by then;
 * that answer filters the environment's entries and so grows with its history.
 */
@Component
class VersionHistoryQueryHandler {

    /**
     * A page of entries (the {@code page} subquery, formatted in) with their migrations: looked up one by one (the
     * {@code limit 1} keeps PostgreSQL from turning the lookup into a join that reads every migration).
     */
    private static final String WITH_MIGRATIONS = """
            select e.migration_id, e.applied_at, e.applied_by, e.rolled_back_at, e.rolled_back_by, m.version,
            m.description, coalesce(m.rollback_safe, false) as rollback_safe
            from (%s) e
            left join lateral (
                select version, description, rollback_safe from version_history_migration m
                where m.generation = e.generation and m.database_name = e.database_name
                and m.migration_id = e.migration_id limit 1) m on true
            order by e.ordinal""";

    /** A page of the present history: a range of the primary key. */
    static final String PAGE = WITH_MIGRATIONS.formatted("""
            select * from version_history_entry
            where generation = :generation and database_name = :database and environment = :environment
            and ordinal > :offset order by ordinal limit :limit""");

    static final String PAGE_AT = WITH_MIGRATIONS.formatted("""
            select * from version_history_entry
            where generation = :generation and database_name = :database and environment = :environment
            and applied_at <= :at order by ordinal offset :offset limit :limit""");

    /** The version of the entry found by the {@code top} subquery (formatted in), which names a keyed migration. */
    private static final String VERSION_OF = """
            select m.version from (%s) e join version_history_migration m on m.generation = e.generation
            and m.database_name = e.database_name and m.migration_id = e.migration_id""";

    /** The highest version in place: the first open entry down the version-key index. */
    static final String CURRENT = VERSION_OF.formatted("""
            select generation, database_name, migration_id from version_history_entry
            where generation = :generation and database_name = :database and environment = :environment
            and version_key is not null and rolled_back_sequence is null
            order by version_key desc nulls last, sequence_number limit 1""");

    static final String CURRENT_AT = VERSION_OF.formatted("""
            select generation, database_name, migration_id from version_history_entry
            where generation = :generation and database_name = :database and environment = :environment
            and version_key is not null and applied_at <= :at and (rolled_back_at is null or rolled_back_at > :at)
            order by version_key desc nulls last, sequence_number limit 1""");

    static final String TOTAL = """
            select coalesce(max(entries), 0) from version_history_tally
            where generation = :generation and database_name = :database and environment = :environment""";

    static final String TOTAL_AT = """
            select count(*) from version_history_entry
            where generation = :generation and database_name = :database and environment = :environment
            and applied_at <= :at""";

    private final JdbcClient jdbc;
    private final Generations generations;

    VersionHistoryQueryHandler(JdbcClient jdbc, Generations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    @QueryHandler
    Optional<VersionHistoryView> handle(GetVersionHistory query) {
        int generation = generations.active(VersionHistoryReadModel.NAME);
        boolean known = jdbc.sql("""
                                select count(*) from version_history_environment
                                where generation = ? and database_name = ? and environment = ?""")
                        .params(generation, query.database(), query.environment())
                        .query(Long.class)
                        .single()
                > 0;
        if (!known) {
            return Optional.empty();
        }
        boolean present = query.at() == null;
        int total = statement(present ? TOTAL : TOTAL_AT, generation, query)
                .query(Integer.class)
                .single();
        List<VersionHistoryEntryView> page = statement(present ? PAGE : PAGE_AT, generation, query)
                .param("offset", query.offset())
                .param("limit", query.limit())
                .query((rs, row) -> entry(rs, query.at()))
                .list();
        String current = statement(present ? CURRENT : CURRENT_AT, generation, query)
                .query(String.class)
                .optional()
                .orElse(null);
        int next = query.offset() + page.size();
        return Optional.of(new VersionHistoryView(
                query.database(), query.environment(), current, query.at(), page, total, next < total ? next : null));
    }

    private JdbcClient.StatementSpec statement(String sql, int generation, GetVersionHistory query) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("generation", generation)
                .param("database", query.database())
                .param("environment", query.environment());
        return query.at() == null ? statement : statement.param("at", Timestamp.from(query.at()));
    }

    /** An entry as it stood at {@code at} (now when null): rolled back only by a rollback recorded by then. */
    private static VersionHistoryEntryView entry(ResultSet rs, Instant at) throws SQLException {
        Timestamp rolledBackAt = rs.getTimestamp("rolled_back_at");
        boolean rolledBack =
                rolledBackAt != null && (at == null || !rolledBackAt.toInstant().isAfter(at));
        return new VersionHistoryEntryView(
                rs.getString("version"),
                rs.getString("migration_id"),
                rs.getTimestamp("applied_at").toInstant(),
                rs.getString("applied_by"),
                rs.getString("description"),
                rs.getBoolean("rollback_safe"),
                rolledBack ? "ROLLED_BACK" : "APPLIED",
                rolledBack ? rolledBackAt.toInstant() : null,
                rolledBack ? rs.getString("rolled_back_by") : null);
    }
}
