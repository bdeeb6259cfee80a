package org.migrationledger.projection.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.migrationledger.api.queries.GetVersionHistory;
import org.migrationledger.api.queries.VersionHistoryEntryView;
import org.migrationledger.api.queries.VersionHistoryView;
import org.migrationledger.naming.VersionOrder;
import org.migrationledger.projection.rebuild.Generations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the version history of an environment by replaying its applies and rollbacks in ledger order, up to an
 * instant when one is asked for.
 */
@Component
class VersionHistoryQueryHandler {

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
        List<Fact> facts = facts(generation, query);
        List<Entry> entries = new ArrayList<>();
        // A rollback closes the latest apply of its migration still open: kept per migration, so that pairing costs
        // one lookup per fact, not a scan of the history (5,000 migrations made that scan seconds long).
        Map<String, Deque<Entry>> openByMigration = new HashMap<>();
        for (Fact fact : facts) {
            if (fact.kind().equals("APPLIED")) {
                Entry entry = new Entry(fact);
                entries.add(entry);
                openByMigration
                        .computeIfAbsent(fact.migrationId(), id -> new ArrayDeque<>())
                        .push(entry);
            } else {
                Deque<Entry> open = openByMigration.get(fact.migrationId());
                if (open != null && !open.isEmpty()) {
                    open.pop().rolledBack = fact;
                }
            }
        }
        String current = entries.stream()
                .filter(e -> e.rolledBack == null && e.applied.version() != null)
                .map(e -> e.applied.version())
                .max(VersionOrder.INSTANCE)
                .orElse(null);
        int from = Math.min(query.offset(), entries.size());
        int to = Math.min(entries.size(), from + query.limit());
        return Optional.of(new VersionHistoryView(
                query.database(),
                query.environment(),
                current,
                query.at(),
                entries.subList(from, to).stream().map(Entry::view).toList(),
                entries.size(),
                to < entries.size() ? to : null));
    }

    private List<Fact> facts(int generation, GetVersionHistory query) {
        Instant at = query.at() == null ? Instant.parse("9999-12-31T23:59:59Z") : query.at();
        return jdbc.sql("""
                        select f.kind, f.migration_id, f.effective_at, f.principal, m.version, m.description,
                        coalesce(m.rollback_safe, false) as rollback_safe from version_history_fact f
                        left join version_history_migration m on m.generation = f.generation
                        and m.database_name = f.database_name and m.migration_id = f.migration_id
                        where f.generation = ? and f.database_name = ? and f.environment = ? and f.effective_at <= ?
                        order by f.sequence_number""")
                .params(generation, query.database(), query.environment(), Timestamp.from(at))
                .query((rs, row) -> new Fact(
                        rs.getString("kind"),
                        rs.getString("migration_id"),
                        rs.getTimestamp("effective_at").toInstant(),
                        rs.getString("principal"),
                        rs.getString("version"),
                        rs.getString("description"),
                        rs.getBoolean("rollback_safe")))
                .list();
    }

    private record Fact(
            String kind,
            String migrationId,
            Instant at,
            String principal,
            String version,
            String description,
            boolean rollbackSafe) {}

    private static final class Entry {
        private final Fact applied;
        private Fact rolledBack;

        Entry(Fact applied) {
            this.applied = applied;
        }

        VersionHistoryEntryView view() {
            return new VersionHistoryEntryView(
                    applied.version(),
                    applied.migrationId(),
                    applied.at(),
                    applied.principal(),
                    applied.description(),
                    applied.rollbackSafe(),
                    rolledBack == null ? "APPLIED" : "ROLLED_BACK",
                    rolledBack == null ? null : rolledBack.at(),
                    rolledBack == null ? null : rolledBack.principal());
        }
    }
}
