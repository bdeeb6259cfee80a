-- Every stored event with who, from where and when. Paged by keyset on (recorded_at, global_index); one index per
-- filter so that a page costs an index range scan whatever the table size.
create table audit_event (
    generation      integer      not null,
    global_index    bigint       not null,
    event_id        varchar(255) not null,
    database_name   varchar(255) not null,
    sequence_number bigint       not null,
    event_type      varchar(64)  not null,
    migration_id    varchar(255),
    environment     varchar(255),
    principal       varchar(255),
    source_tool     varchar(255),
    source_run_url  text,
    correlation_id  varchar(255),
    recorded_at     timestamptz  not null,
    summary         text         not null,
    payload         jsonb        not null,
    constraint audit_event_pk primary key (generation, global_index)
);

create index audit_event_time_ix on audit_event (generation, recorded_at, global_index);
create index audit_event_database_ix on audit_event (generation, database_name, recorded_at, global_index);
create index audit_event_migration_ix on audit_event (generation, migration_id, recorded_at, global_index);
create index audit_event_environment_ix on audit_event (generation, environment, recorded_at, global_index);
create index audit_event_principal_ix on audit_event (generation, principal, recorded_at, global_index);
