-- The facts drift is judged from, in ledger order; findings are evaluated at query time (some depend on the clock).
create table drift_environment (
    generation    integer      not null,
    database_name varchar(255) not null,
    environment   varchar(255) not null,
    path_position integer      not null,
    constraint drift_environment_pk primary key (generation, database_name, environment)
);

create table drift_migration (
    generation        integer      not null,
    database_name     varchar(255) not null,
    migration_id      varchar(255) not null,
    proposal_sequence bigint       not null,
    version           varchar(64)  not null,
    checksum          varchar(128),
    proposed_at       timestamptz  not null,
    constraint drift_migration_pk primary key (generation, database_name, migration_id)
);

create table drift_decision (
    generation      integer      not null,
    database_name   varchar(255) not null,
    sequence_number bigint       not null,
    migration_id    varchar(255) not null,
    kind            varchar(16)  not null,
    checksum        varchar(128),
    fully_approved  boolean      not null,
    decided_at      timestamptz  not null,
    constraint drift_decision_pk primary key (generation, database_name, sequence_number),
    constraint drift_decision_kind_ck check (kind in ('APPROVED', 'REJECTED'))
);

create table drift_fact (
    generation      integer      not null,
    database_name   varchar(255) not null,
    sequence_number bigint       not null,
    environment     varchar(255) not null,
    migration_id    varchar(255) not null,
    kind            varchar(16)  not null,
    checksum        varchar(128),
    recorded_at     timestamptz  not null,
    error           text,
    constraint drift_fact_pk primary key (generation, database_name, sequence_number),
    constraint drift_fact_kind_ck check (kind in ('APPLIED', 'FAILED', 'ROLLED_BACK'))
);
