-- The compatibility answer reads a page of migrations in version order, where it used to read and sort every migration
-- of the database on each request. version_key is the migration's org.migrationledger.naming.VersionOrder.sortKey,
-- filled for existing rows by V186 (Java, CompatibilityKeysMigration) and required and indexed by V187.
--
-- The flags are generated so that every event that changes the columns they derive from (a rejection, a revision, a
-- new proposal) keeps them right, in live generations and rebuilt ones alike. Their Java twins are
-- MigrationRow.rejected() and MigrationClassification (rollbackBlocker(), and breaking or contract for the N-1 window);
-- CompatibilityEquivalenceIT holds the two together.
alter table compatibility_migration
    add column version_key bytea,
    -- Rejected after its latest proposal or revision: never rolled back to or across, outside every window.
    add column rejected boolean not null
        generated always as (coalesce(rejection_sequence > proposal_sequence, false)) stored,
    -- Rolling back across it is unsafe.
    add column blocks_rollback boolean not null
        generated always as (coalesce(lower(category) = 'contract', false) or breaking or not has_down_script
                             or not rollback_safe) stored,
    -- The previous application release cannot run against it.
    add column breaks_previous_release boolean not null
        generated always as (coalesce(lower(category) = 'contract', false) or breaking) stored;
