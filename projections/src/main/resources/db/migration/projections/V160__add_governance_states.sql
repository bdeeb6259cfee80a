-- Decisions that end a migration (withdrawn, superseded), migrations that ran without a proposal (unproposed), and
-- what a failed apply said (error and failing statement). Additive: rows written before this change come from events
-- that carried none of it, so the defaults are their true values; failures recorded before it show their error after
-- a rebuild of the compatibility read model (POST /api/v1/admin/projections/compatibility/rebuilds).
alter table compatibility_migration
    add column unproposed               boolean not null default false,
    add column ended_state              varchar(16),
    add column ended_by                 varchar(255),
    add column end_reason               text,
    add column replacement_migration_id varchar(255),
    add constraint compatibility_migration_ended_ck check (ended_state in ('WITHDRAWN', 'SUPERSEDED'));

alter table compatibility_status
    add column error            text,
    add column failed_statement text;

alter table fleet_migration drop constraint fleet_migration_state_ck;
alter table fleet_migration add constraint fleet_migration_state_ck
    check (state in ('PROPOSED', 'APPROVED', 'REJECTED', 'IMPORTED', 'UNPROPOSED', 'WITHDRAWN', 'SUPERSEDED'));
