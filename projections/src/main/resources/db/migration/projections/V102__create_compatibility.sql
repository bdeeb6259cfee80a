-- Migrations with their analysis and approvals, their status per environment, and observed releases: the source of
-- the compatibility matrix and of the migration detail.
create table compatibility_environment (
    generation    integer      not null,
    database_name varchar(255) not null,
    environment   varchar(255) not null,
    path_position integer      not null,
    constraint compatibility_environment_pk primary key (generation, database_name, environment)
);

create table compatibility_migration (
    generation          integer      not null,
    database_name       varchar(255) not null,
    migration_id        varchar(255) not null,
    proposal_sequence   bigint       not null,
    version             varchar(64)  not null,
    description         text,
    author              varchar(255),
    proposed_by         varchar(255),
    proposed_at         timestamptz  not null,
    checksum            varchar(128),
    category            varchar(16),
    breaking            boolean      not null,
    rollback_safe       boolean      not null,
    has_down_script     boolean      not null,
    expand_migration_id varchar(255),
    risk                jsonb,
    analysis            jsonb,
    rejection_sequence  bigint,
    rejected_by         varchar(255),
    rejection_reason    text,
    constraint compatibility_migration_pk primary key (generation, database_name, migration_id)
);

create table compatibility_approval (
    generation         integer      not null,
    database_name      varchar(255) not null,
    sequence_number    bigint       not null,
    migration_id       varchar(255) not null,
    approved_by        varchar(255) not null,
    role               varchar(64),
    checksum           varchar(128),
    comment            text,
    approvals_required integer      not null,
    fully_approved     boolean      not null,
    approved_at        timestamptz  not null,
    constraint compatibility_approval_pk primary key (generation, database_name, sequence_number)
);

create index compatibility_approval_migration_ix
    on compatibility_approval (generation, database_name, migration_id, sequence_number);

create table compatibility_status (
    generation    integer      not null,
    database_name varchar(255) not null,
    migration_id  varchar(255) not null,
    environment   varchar(255) not null,
    status        varchar(16)  not null,
    checksum      varchar(128),
    last_sequence bigint       not null,
    changed_at    timestamptz  not null,
    changed_by    varchar(255),
    constraint compatibility_status_pk primary key (generation, database_name, migration_id, environment),
    constraint compatibility_status_status_ck check (status in ('APPLIED', 'FAILED', 'ROLLED_BACK'))
);

create table compatibility_release (
    generation      integer      not null,
    database_name   varchar(255) not null,
    sequence_number bigint       not null,
    environment     varchar(255) not null,
    release         varchar(255) not null,
    schema_version  varchar(64),
    deployed_at     timestamptz  not null,
    deployed_by     varchar(255),
    constraint compatibility_release_pk primary key (generation, database_name, sequence_number)
);
