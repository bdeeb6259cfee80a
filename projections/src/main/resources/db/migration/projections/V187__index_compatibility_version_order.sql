-- Every migration has its version key now (V186). Migration ids are ordered as Java's String.compareTo orders them,
-- byte by byte (collation "C"), whatever the database's collation: the ids are ASCII, where the two agree.
alter table compatibility_migration alter column version_key set not null;

-- A grid page: a range of this index after the previous page's last migration.
create index compatibility_migration_version_ix
    on compatibility_migration (generation, database_name, version_key, migration_id collate "C");

-- The first migration not rejected (the floor of every rollback reach), the two versions of a rollback pair, and the
-- versions of an N-1 window.
create index compatibility_migration_live_ix
    on compatibility_migration (generation, database_name, version_key, migration_id collate "C")
    where not rejected;

-- Per page row, the nearest migration at or below it that blocks rollback: the top of a range of this index; and the
-- blockers between the two versions of a pair.
create index compatibility_migration_rollback_blocker_ix
    on compatibility_migration (generation, database_name, version_key, migration_id collate "C")
    where not rejected and blocks_rollback;

-- The first migration above the version N-1 was observed with that N-1 cannot run against.
create index compatibility_migration_release_blocker_ix
    on compatibility_migration (generation, database_name, version_key, migration_id collate "C")
    where not rejected and breaks_previous_release;
