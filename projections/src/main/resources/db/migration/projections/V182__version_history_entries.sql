-- The version history as entries: one row per apply, closed by the rollback that undid it (the latest apply of its
-- migration still open in that environment), numbered per environment in ledger order. A page is then a range of
-- ordinals, the total a stored count, and the current version the top of an index on a sortable version key, where
-- the query used to read and pair every fact of the environment per request.
alter table version_history_migration add column version_key bytea;

create table version_history_entry (
    generation           integer      not null,
    database_name        varchar(255) not null,
    environment          varchar(255) not null,
    ordinal              integer      not null,
    sequence_number      bigint       not null,
    migration_id         varchar(255) not null,
    -- The migration's org.migrationledger.naming.VersionOrder.sortKey, kept here so that the current version is found
    -- without a join; null while the migration is unknown to the read model.
    version_key          bytea,
    applied_at           timestamptz  not null,
    applied_by           varchar(255),
    rolled_back_sequence bigint,
    rolled_back_at       timestamptz,
    rolled_back_by       varchar(255),
    constraint version_history_entry_pk primary key (generation, database_name, environment, ordinal),
    constraint version_history_entry_apply_uq unique (generation, database_name, sequence_number)
);

-- A rollback looks up the open applies of its migration; a proposal that changes a version re-keys its entries.
create index version_history_entry_migration_ix
    on version_history_entry (generation, database_name, migration_id, environment, sequence_number);
-- The highest version in place: the first qualifying row of this index. Among equal versions the earliest apply, as
-- the query chose before.
create index version_history_entry_version_ix
    on version_history_entry (generation, database_name, environment, version_key desc nulls last, sequence_number);

create table version_history_tally (
    generation    integer      not null,
    database_name varchar(255) not null,
    environment   varchar(255) not null,
    entries       integer      not null,
    constraint version_history_tally_pk primary key (generation, database_name, environment)
);

-- Existing generations: their facts paired as the query paired them. Per migration and environment the open applies
-- form a stack; a rollback pops the top, or does nothing when the stack is empty. depth is that stack's height after
-- each fact: the running sum of +1/-1 held at zero (the sum minus its lowest value so far, when that is negative). An
-- apply pushes to level depth, an effective rollback pops from level depth + 1, and within one level pushes and pops
-- alternate, so the rollback that closes an apply is the next fact on its level.
insert into version_history_entry (generation, database_name, environment, ordinal, sequence_number, migration_id,
                                   applied_at, applied_by, rolled_back_sequence, rolled_back_at, rolled_back_by)
with walked as (
    select f.generation, f.database_name, f.environment, f.migration_id, f.sequence_number, f.kind, f.effective_at,
           f.principal,
           sum(case when f.kind = 'APPLIED' then 1 else -1 end) over stack as walk
    from version_history_fact f
    window stack as (partition by f.generation, f.database_name, f.environment, f.migration_id
                     order by f.sequence_number)
), depths as (
    select w.*, w.walk - least(0, min(w.walk) over stack) as depth
    from walked w
    window stack as (partition by w.generation, w.database_name, w.environment, w.migration_id
                     order by w.sequence_number)
), levels as (
    select d.*,
           case when d.kind = 'APPLIED' then d.depth
                when lag(d.depth, 1, 0::bigint) over stack > 0 then d.depth + 1 end as level
    from depths d
    window stack as (partition by d.generation, d.database_name, d.environment, d.migration_id
                     order by d.sequence_number)
), paired as (
    select l.*,
           lead(l.kind) over same_level as next_kind,
           lead(l.sequence_number) over same_level as next_sequence,
           lead(l.effective_at) over same_level as next_at,
           lead(l.principal) over same_level as next_principal
    from levels l
    where l.level is not null
    window same_level as (partition by l.generation, l.database_name, l.environment, l.migration_id, l.level
                          order by l.sequence_number)
)
select p.generation, p.database_name, p.environment,
       row_number() over (partition by p.generation, p.database_name, p.environment order by p.sequence_number),
       p.sequence_number, p.migration_id, p.effective_at, p.principal,
       case when p.next_kind = 'ROLLED_BACK' then p.next_sequence end,
       case when p.next_kind = 'ROLLED_BACK' then p.next_at end,
       case when p.next_kind = 'ROLLED_BACK' then p.next_principal end
from paired p
where p.kind = 'APPLIED';

insert into version_history_tally (generation, database_name, environment, entries)
select generation, database_name, environment, count(*)
from version_history_entry
group by generation, database_name, environment;

-- Entries carry everything the facts did; version keys are computed in Java (V183, VersionKeysMigration).
drop table version_history_fact;
