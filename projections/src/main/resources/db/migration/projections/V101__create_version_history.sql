-- Schema version history per database and environment (the seeds' schema_versions design), kept as a timeline of
-- applies and rollbacks so that any instant can be replayed.
create table version_history_environment (
    generation    integer      not null,
    database_name varchar(255) not null,
    environment   varchar(255) not null,
    path_position integer      not null,
    constraint version_history_environment_pk primary key (generation, database_name, environment)
);

create table version_history_migration (
    generation    integer      not null,
    database_name varchar(255) not null,
    migration_id  varchar(255) not null,
    version       varchar(64)  not null,
    description   text,
    rollback_safe boolean      not null,
    constraint version_history_migration_pk primary key (generation, database_name, migration_id)
);

create table version_history_fact (
    generation      integer      not null,
    database_name   varchar(255) not null,
    sequence_number bigint       not null,
    environment     varchar(255) not null,
    migration_id    varchar(255) not null,
    kind            varchar(16)  not null,
    effective_at    timestamptz  not null,
    recorded_at     timestamptz  not null,
    principal       varchar(255),
    constraint version_history_fact_pk primary key (generation, database_name, sequence_number),
    constraint version_history_fact_kind_ck check (kind in ('APPLIED', 'ROLLED_BACK'))
);

create index version_history_fact_environment_ix
    on version_history_fact (generation, database_name, environment, sequence_number);
