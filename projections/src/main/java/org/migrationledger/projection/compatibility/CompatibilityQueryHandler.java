package org.migrationledger.projection.compatibility;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.migrationledger.api.queries.ApprovalView;
import org.migrationledger.api.queries.CompatibilityView;
import org.migrationledger.api.queries.EnvironmentStatusView;
import org.migrationledger.api.queries.GetCompatibility;
import org.migrationledger.api.queries.GetMigration;
import org.migrationledger.api.queries.GridRowView;
import org.migrationledger.api.queries.MigrationView;
import org.migrationledger.api.queries.RollbackReachView;
import org.migrationledger.projection.rebuild.Generations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers the migration detail and the compatibility matrix from the active generation. */
@Component
class CompatibilityQueryHandler {

    /**
     * The grid's statuses of a page's migrations (:ids), each migration and each of its statuses looked up by key (as
     * a join, PostgreSQL reads every status of the database once the page is a few hundred rows). The governance states
     * as the fleet grid shows them: an apply of a migration that was never proposed is UNPROPOSED, and a withdrawn or
     * superseded migration is that where it has not run.
     */
    static final String STATUSES = """
            select m.migration_id, e.environment,
                   case when s.status is null then m.ended_state
                        when s.status = 'APPLIED' and m.unproposed then 'UNPROPOSED'
                        else s.status end
            from unnest(cast(:ids as varchar[])) page(migration_id)
            join lateral (
                select migration_id, ended_state, unproposed from compatibility_migration
                where generation = :generation and database_name = :database and migration_id = page.migration_id
                limit 1) m on true
            join compatibility_environment e on e.generation = :generation and e.database_name = :database
            left join lateral (
                select status from compatibility_status
                where generation = :generation and database_name = :database and migration_id = m.migration_id
                and environment = e.environment limit 1) s on true
            where s.status is not null or m.ended_state is not null""";

    private final JdbcClient jdbc;
    private final Generations generations;

    CompatibilityQueryHandler(JdbcClient jdbc, Generations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    @QueryHandler
    Optional<MigrationView> handle(GetMigration query) {
        int generation = generations.active(CompatibilityReadModel.NAME);
        Optional<MigrationRow> found = jdbc.sql("""
                        select %s from compatibility_migration
                        where generation = ? and database_name = ? and migration_id = ?""".formatted(MigrationRow.COLUMNS))
                .params(generation, query.database(), query.migrationId())
                .query(MigrationRow::read)
                .optional();
        return found.map(row -> view(generation, query.database(), row));
    }

    /**
     * One page of the grid and of the rollback reach, in version order; the one rollback pair asked for. Each read is a
     * range of an index on the version order, so the answer costs its page however many migrations the database has.
     */
    @QueryHandler
    Optional<CompatibilityView> handle(GetCompatibility query) {
        int generation = generations.active(CompatibilityReadModel.NAME);
        List<String> environments = environments(generation, query.database());
        if (environments.isEmpty()) {
            return Optional.empty();
        }
        VersionOrderedMigrations migrations = new VersionOrderedMigrations(jdbc, generation);
        VersionOrderedMigrations.Page page = migrations.page(query.database(), query.gridAfter(), query.gridLimit());
        Map<String, Map<String, String>> statuses = statuses(generation, query.database(), page.rows());
        List<GridRowView> grid = page.rows().stream()
                .map(m ->
                        new GridRowView(m.migrationId(), m.version(), row(environments, statuses.get(m.migrationId()))))
                .toList();
        List<RollbackReachView> reach = page.rows().stream()
                .map(VersionOrderedMigrations.Row::reach)
                .filter(Objects::nonNull)
                .toList();
        return Optional.of(new CompatibilityView(
                query.database(),
                environments,
                reach,
                query.from() == null || query.to() == null
                        ? List.of()
                        : migrations.pair(query.database(), query.from(), query.to()).stream()
                                .toList(),
                grid,
                page.more() ? grid.get(grid.size() - 1).migrationId() : null,
                new ReleaseWindows(jdbc, generation).windows(query.database(), environments)));
    }

    private MigrationView view(int generation, String database, MigrationRow row) {
        List<ApprovalView> approvals = jdbc.sql("""
                        select approved_by, role, checksum, comment, approved_at,
                        approvals_required, fully_approved from compatibility_approval
                        where generation = ? and database_name = ? and migration_id = ? order by sequence_number""")
                .params(generation, database, row.migrationId())
                .query((rs, i) -> new ApprovalView(
                        rs.getString("approved_by"),
                        rs.getString("role"),
                        rs.getString("checksum"),
                        rs.getString("comment"),
                        rs.getTimestamp("approved_at").toInstant(),
                        rs.getInt("approvals_required"),
                        rs.getBoolean("fully_approved")))
                .list();
        boolean approved = approvals.stream()
                .anyMatch(a -> a.fullyApproved()
                        && (a.checksum() == null || a.checksum().equals(row.checksum())));
        Optional<MigrationView.EndView> ended = ended(generation, database, row.migrationId());
        String state = ended.map(MigrationView.EndView::state)
                .orElse(
                        row.proposedBy() == null
                                ? (unproposed(generation, database, row.migrationId()) ? "UNPROPOSED" : "IMPORTED")
                                : row.rejected() ? "REJECTED" : approved ? "APPROVED" : "PROPOSED");
        Map<String, EnvironmentStatusView> byEnvironment = new LinkedHashMap<>();
        environments(generation, database)
                .forEach(env -> byEnvironment.put(env, new EnvironmentStatusView(env, "PENDING", null, null, null)));
        jdbc.sql("""
                        select environment, status, checksum, changed_at, changed_by, error, failed_statement
                        from compatibility_status where generation = ? and database_name = ? and migration_id = ?""")
                .params(generation, database, row.migrationId())
                .query((rs, i) -> new EnvironmentStatusView(
                        rs.getString("environment"),
                        rs.getString("status"),
                        rs.getString("checksum"),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by"),
                        rs.getString("error"),
                        rs.getString("failed_statement")))
                .list()
                .forEach(status -> byEnvironment.put(status.environment(), status));
        return new MigrationView(
                row.proposal(database),
                row.proposedAt(),
                state,
                row.rejected() ? row.rejectedBy() : null,
                row.rejected() ? row.rejectionReason() : null,
                approvals,
                List.copyOf(byEnvironment.values()),
                ended.orElse(null));
    }

    private Optional<MigrationView.EndView> ended(int generation, String database, String migrationId) {
        return jdbc.sql("""
                        select ended_state, ended_by, end_reason, replacement_migration_id from compatibility_migration
                        where generation = ? and database_name = ? and migration_id = ? and ended_state is not null""")
                .params(generation, database, migrationId)
                .query((rs, i) ->
                        new MigrationView.EndView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    private boolean unproposed(int generation, String database, String migrationId) {
        return jdbc.sql("""
                        select unproposed from compatibility_migration
                        where generation = ? and database_name = ? and migration_id = ?""")
                .params(generation, database, migrationId)
                .query(Boolean.class)
                .single();
    }

    private List<String> environments(int generation, String database) {
        return jdbc.sql("""
                        select environment from compatibility_environment where generation = ? and database_name = ?
                        order by path_position""").params(generation, database).query(String.class).list();
    }

    private Map<String, Map<String, String>> statuses(
            int generation, String database, List<VersionOrderedMigrations.Row> page) {
        Map<String, Map<String, String>> statuses = new LinkedHashMap<>();
        String[] ids =
                page.stream().map(VersionOrderedMigrations.Row::migrationId).toArray(String[]::new);
        jdbc.sql(STATUSES)
                .param("ids", ids)
                .param("generation", generation)
                .param("database", database)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list()
                .forEach(s -> statuses.computeIfAbsent(s[0], k -> new LinkedHashMap<>())
                        .put(s[1], s[2]));
        return statuses;
    }

    private static Map<String, String> row(List<String> environments, Map<String, String> statuses) {
        Map<String, String> row = new LinkedHashMap<>();
        environments.forEach(env -> row.put(env, statuses == null ? "PENDING" : statuses.getOrDefault(env, "PENDING")));
        return row;
    }
}
