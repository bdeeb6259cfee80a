package org.migrationledger.projection.compatibility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.migrationledger.api.queries.RollbackPairView;
import org.migrationledger.api.queries.RollbackReachView;
import org.migrationledger.naming.VersionOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database's migrations in version order (then by migration id), read through the version-key indexes so that an
 * answer costs its page, not the history: a page of them with the rollback reach of each, and the blockers between two
 * versions.
 *
 * <p>Rolling back from a version to an older one is safe when no migration that is not rejected, above the older one
 * up to the newer, blocks rollback. So the oldest version a migration reaches is that of the nearest blocking migration
 * at or below it — except the first migration that is not rejected, below which there is nothing to roll back to, so
 * it never counts as blocking — or, when there is none, the first one's.
 */
class VersionOrderedMigrations {

    /** What a blocking migration is ordered by and worded from. */
    private static final String BLOCKER_COLUMNS = """
            m.version_key, m.migration_id, m.version, m.category, m.breaking, m.has_down_script, m.rollback_safe""";

    /** A page after (:afterKey, :afterId), :limit rows, each with the migration that blocks its rollback reach. */
    static final String PAGE = """
            with page as (
                select migration_id, version, version_key, rejected from compatibility_migration
                where generation = :generation and database_name = :database
                and (version_key, migration_id collate "C") > (:afterKey, :afterId)
                order by version_key, migration_id collate "C" limit :limit
            ), first_live as (
                select version_key, migration_id, version from compatibility_migration
                where generation = :generation and database_name = :database and not rejected
                order by version_key, migration_id collate "C" limit 1
            )
            select p.migration_id, p.version, p.rejected, f.version as first_version, %2$s
            from page p
            left join first_live f on true
            left join lateral (
                select %1$s from compatibility_migration m
                where m.generation = :generation and m.database_name = :database
                and not m.rejected and m.blocks_rollback
                and (m.version_key, m.migration_id collate "C") <= (p.version_key, p.migration_id collate "C")
                and (m.version_key, m.migration_id collate "C") > (f.version_key, f.migration_id collate "C")
                order by m.version_key desc, m.migration_id collate "C" desc limit 1
            ) b on not p.rejected
            order by p.version_key, p.migration_id collate "C"
            """.formatted(BLOCKER_COLUMNS, MigrationClassification.columns("b", "blocker_"));

    /** Where a page starts: after this migration. */
    static final String AFTER = """
            select version_key from compatibility_migration
            where generation = :generation and database_name = :database and migration_id = :after""";

    /**
     * The blockers between the two versions, newest first; no row when either is not the version of a migration that is
     * not rejected, or :from is not newer; one row of nulls when nothing blocks. The first migration of each version
     * stands for it.
     */
    static final String PAIR = """
            with newer as (
                select version_key, migration_id from compatibility_migration
                where generation = :generation and database_name = :database and not rejected
                and version_key = :fromKey and version = :from
                order by version_key, migration_id collate "C" limit 1
            ), older as (
                select version_key, migration_id from compatibility_migration
                where generation = :generation and database_name = :database and not rejected
                and version_key = :toKey and version = :to
                order by version_key, migration_id collate "C" limit 1
            )
            select %2$s
            from newer n
            join older o on (n.version_key, n.migration_id collate "C") > (o.version_key, o.migration_id collate "C")
            left join lateral (
                select %1$s from compatibility_migration m
                where m.generation = :generation and m.database_name = :database
                and not m.rejected and m.blocks_rollback
                and (m.version_key, m.migration_id collate "C") <= (n.version_key, n.migration_id collate "C")
                and (m.version_key, m.migration_id collate "C") > (o.version_key, o.migration_id collate "C")
            ) b on true
            order by b.version_key desc, b.migration_id collate "C" desc
            """.formatted(BLOCKER_COLUMNS, MigrationClassification.columns("b", "blocker_"));

    /** Below every key: {@link VersionOrder#sortKey} is never empty. */
    private static final byte[] BEFORE_EVERY_KEY = new byte[0];

    private final JdbcClient jdbc;
    private final int generation;

    VersionOrderedMigrations(JdbcClient jdbc, int generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    /**
     * At most {@code limit} migrations after the one with id {@code after} (from the first when null); empty when there
     * is no such migration.
     */
    Page page(String database, String after, int limit) {
        byte[] afterKey = BEFORE_EVERY_KEY;
        if (after != null) {
            Optional<byte[]> found = jdbc.sql(AFTER)
                    .param("generation", generation)
                    .param("database", database)
                    .param("after", after)
                    .query(byte[].class)
                    .optional();
            if (found.isEmpty()) {
                return new Page(List.of(), false);
            }
            afterKey = found.get();
        }
        List<Row> rows = jdbc.sql(PAGE)
                .param("generation", generation)
                .param("database", database)
                .param("afterKey", afterKey)
                .param("afterId", after == null ? "" : after)
                .param("limit", limit + 1)
                .query(VersionOrderedMigrations::row)
                .list();
        return rows.size() > limit ? new Page(rows.subList(0, limit), true) : new Page(rows, false);
    }

    /** Rolling back from version {@code from} to {@code to}; empty unless both are versions here, from the newer. */
    Optional<RollbackPairView> pair(String database, String from, String to) {
        List<Optional<MigrationClassification>> rows = jdbc.sql(PAIR)
                .param("generation", generation)
                .param("database", database)
                .param("from", from)
                .param("fromKey", VersionOrder.sortKey(from))
                .param("to", to)
                .param("toKey", VersionOrder.sortKey(to))
                .query((rs, i) -> Optional.ofNullable(MigrationClassification.read(rs, "blocker_")))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> reasons = rows.stream()
                .flatMap(Optional::stream)
                .map(MigrationClassification::rollbackBlocker)
                .toList();
        return Optional.of(new RollbackPairView(from, to, reasons.isEmpty(), reasons));
    }

    private static Row row(ResultSet rs, int number) throws SQLException {
        String migrationId = rs.getString("migration_id");
        String version = rs.getString("version");
        if (rs.getBoolean("rejected")) {
            return new Row(migrationId, version, null);
        }
        MigrationClassification blocker = MigrationClassification.read(rs, "blocker_");
        RollbackReachView reach = blocker == null
                ? new RollbackReachView(version, migrationId, rs.getString("first_version"), null, null)
                : new RollbackReachView(
                        version, migrationId, blocker.version(), blocker.migrationId(), blocker.rollbackBlocker());
        return new Row(migrationId, version, reach);
    }

    /** A page of migrations in version order; {@code more} when others follow. */
    record Page(List<Row> rows, boolean more) {}

    /** A migration of a page; {@code reach} is null for a rejected one, which is never rolled back to or across. */
    record Row(String migrationId, String version, RollbackReachView reach) {}
}
