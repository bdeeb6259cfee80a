-- What pipelines observed in their target databases (schema snapshots and flyway_schema_history), next to what the
-- ledger recorded there, for structural drift and reconciliation. Findings are judged at query time.
create table observed_environment (
    generation    integer      not null,
    database_name varchar(255) not null,
    environment   varchar(255) not null,
    path_position integer      not null,
    constraint observed_environment_pk primary key (generation, database_name, environment)
);

-- Per environment and ledger version: the first schema observed at that version (the schema the migrations produced,
-- the reference for later environments) and the latest (what is there now). schema_version is '' before any apply.
create table observed_schema (
    generation        integer      not null,
    database_name     varchar(255) not null,
    environment       varchar(255) not null,
    schema_version    varchar(64)  not null,
    first_sequence    bigint       not null,
    first_captured_at timestamptz  not null,
    first_schema      text         not null,
    last_sequence     bigint       not null,
    last_captured_at  timestamptz  not null,
    last_schema       text         not null,
    constraint observed_schema_pk primary key (generation, database_name, environment, schema_version)
);

-- The latest flyway_schema_history observed per environment, as JSON rows in installed order.
create table observed_history (
    generation      integer      not null,
    database_name   varchar(255) not null,
    environment     varchar(255) not null,
    sequence_number bigint       not null,
    captured_at     timestamptz  not null,
    history         text         not null,
    constraint observed_history_pk primary key (generation, database_name, environment)
);

-- The ledger's own facts per environment, in ledger order, to reconcile with the history as of its observation.
create table observed_fact (
    generation      integer      not null,
    database_name   varchar(255) not null,
    sequence_number bigint       not null,
    environment     varchar(255) not null,
    migration_id    varchar(255) not null,
    kind            varchar(16)  not null,
    constraint observed_fact_pk primary key (generation, database_name, sequence_number, migration_id),
    constraint observed_fact_kind_ck check (kind in ('APPLIED', 'FAILED', 'ROLLED_BACK'))
);

create table observed_migration (
    generation    integer      not null,
    database_name varchar(255) not null,
    migration_id  varchar(255) not null,
    version       varchar(64)  not null,
    constraint observed_migration_pk primary key (generation, database_name, migration_id)
);
