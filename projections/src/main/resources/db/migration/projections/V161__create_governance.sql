-- The governance read model: migrations that ran without a proposal, decisions that ended migrations, and
-- acknowledgements of drift. It reviews the drift report (adds NOT_PROPOSED findings, marks accepted ones).
create table governance_unproposed (
    generation    integer      not null,
    database_name varchar(255) not null,
    migration_id  varchar(255) not null,
    environment   varchar(255) not null,
    status        varchar(16)  not null,
    last_sequence bigint       not null,
    recorded_at   timestamptz  not null,
    constraint governance_unproposed_pk primary key (generation, database_name, migration_id, environment),
    constraint governance_unproposed_status_ck check (status in ('APPLIED', 'FAILED', 'ROLLED_BACK'))
);

create table governance_ended (
    generation    integer      not null,
    database_name varchar(255) not null,
    migration_id  varchar(255) not null,
    state         varchar(16)  not null,
    constraint governance_ended_pk primary key (generation, database_name, migration_id),
    constraint governance_ended_state_ck check (state in ('WITHDRAWN', 'SUPERSEDED'))
);

create table governance_acknowledgement (
    generation         integer      not null,
    database_name      varchar(255) not null,
    acknowledgement_id varchar(64)  not null,
    sequence_number    bigint       not null,
    kind               varchar(64)  not null,
    environment        varchar(255) not null,
    migration_id       varchar(255),
    object             varchar(255),
    findings           jsonb        not null,
    reason             text         not null,
    acknowledged_by    varchar(255) not null,
    acknowledged_at    timestamptz  not null,
    expires_at         timestamptz,
    withdrawn_by       varchar(255),
    withdrawn_at       timestamptz,
    constraint governance_acknowledgement_pk primary key (generation, database_name, acknowledgement_id)
);
