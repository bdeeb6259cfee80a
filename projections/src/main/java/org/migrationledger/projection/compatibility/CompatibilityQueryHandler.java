package org.migrationledger.projection.compatibility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.migrationledger.api.queries.ApprovalView;
import org.migrationledger.api.queries.CompatibilityView;
import org.migrationledger.api.queries.EnvironmentStatusView;
import org.migrationledger.api.queries.GetCompatibility;
import org.migrationledger.api.queries.GetMigration;
import org.migrationledger.api.queries.GridRowView;
import org.migrationledger.api.queries.MigrationView;
import org.migrationledger.api.queries.RollbackPairView;
import org.migrationledger.naming.VersionOrder;
import org.migrationledger.projection.rebuild.Generations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers the migration detail and the compatibility matrix from the active generation. */
@Component
class CompatibilityQueryHandler {

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

    @QueryHandler
    Optional<CompatibilityView> handle(GetCompatibility query) {
        int generation = generations.active(CompatibilityReadModel.NAME);
        List<String> environments = environments(generation, query.database());
        if (environments.isEmpty()) {
            return Optional.empty();
        }
        List<MigrationRow> migrations = migrations(generation, query.database());
        Map<String, Map<String, String>> statuses = statuses(generation, query.database());
        List<GridRowView> grid = migrations.stream()
                .map(m ->
                        new GridRowView(m.migrationId(), m.version(), row(environments, statuses.get(m.migrationId()))))
                .toList();
        return Optional.of(new CompatibilityView(
                query.database(),
                environments,
                rollbackPairs(migrations),
                grid,
                new ReleaseWindows(jdbc, generation).windows(query.database(), environments, migrations)));
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
        String state = row.proposedBy() == null
                ? "IMPORTED"
                : row.rejected() ? "REJECTED" : approved ? "APPROVED" : "PROPOSED";
        Map<String, EnvironmentStatusView> byEnvironment = new LinkedHashMap<>();
        environments(generation, database)
                .forEach(env -> byEnvironment.put(env, new EnvironmentStatusView(env, "PENDING", null, null, null)));
        jdbc.sql("""
                        select environment, status, checksum, changed_at, changed_by from compatibility_status
                        where generation = ? and database_name = ? and migration_id = ?""")
                .params(generation, database, row.migrationId())
                .query((rs, i) -> new EnvironmentStatusView(
                        rs.getString("environment"),
                        rs.getString("status"),
                        rs.getString("checksum"),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by")))
                .list()
                .forEach(status -> byEnvironment.put(status.environment(), status));
        return new MigrationView(
                row.proposal(database),
                row.proposedAt(),
                state,
                row.rejected() ? row.rejectedBy() : null,
                row.rejected() ? row.rejectionReason() : null,
                approvals,
                List.copyOf(byEnvironment.values()));
    }

    /** Every pair (newer, older) of versions; safe when no migration above the older one up to the newer blocks. */
    static List<RollbackPairView> rollbackPairs(List<MigrationRow> migrations) {
        List<MigrationRow> live = migrations.stream().filter(m -> !m.rejected()).toList();
        List<RollbackPairView> pairs = new ArrayList<>();
        for (int from = live.size() - 1; from > 0; from--) {
            List<String> reasons = new ArrayList<>();
            for (int to = from - 1; to >= 0; to--) {
                String blocker = live.get(to + 1).rollbackBlocker();
                if (!blocker.isEmpty()) {
                    reasons.add(blocker);
                }
                pairs.add(new RollbackPairView(
                        live.get(from).version(), live.get(to).version(), reasons.isEmpty(), reasons));
            }
        }
        return pairs;
    }

    private List<String> environments(int generation, String database) {
        return jdbc.sql("""
                        select environment from compatibility_environment where generation = ? and database_name = ?
                        order by path_position""").params(generation, database).query(String.class).list();
    }

    private List<MigrationRow> migrations(int generation, String database) {
        List<MigrationRow> rows = new ArrayList<>(jdbc.sql("""
                        select %s from compatibility_migration where generation = ? and database_name = ?""".formatted(MigrationRow.COLUMNS))
                .params(generation, database)
                .query(MigrationRow::read)
                .list());
        rows.sort(Comparator.comparing(MigrationRow::version, VersionOrder.INSTANCE)
                .thenComparing(MigrationRow::migrationId));
        return rows;
    }

    private Map<String, Map<String, String>> statuses(int generation, String database) {
        Map<String, Map<String, String>> statuses = new LinkedHashMap<>();
        jdbc.sql("""
                        select migration_id, environment, status from compatibility_status
                        where generation = ? and database_name = ?""")
                .params(generation, database)
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
