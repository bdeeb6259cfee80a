-- Axon's JDBC event store, token store and dead-letter queue with snake_case names (docs/adr/0001).
-- Flyway owns these tables; Axon never creates them.

create sequence domain_event_entry_global_index_seq as bigint increment by 1 no cycle;

create table domain_event_entry (
    global_index         bigint       not null default nextval('domain_event_entry_global_index_seq'),
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint domain_event_entry_pk primary key (global_index),
    constraint domain_event_entry_event_identifier_uk unique (event_identifier),
    constraint domain_event_entry_aggregate_sequence_uk unique (aggregate_identifier, sequence_number)
);

alter sequence domain_event_entry_global_index_seq owned by domain_event_entry.global_index;

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint snapshot_event_entry_pk primary key (aggregate_identifier, sequence_number),
    constraint snapshot_event_entry_event_identifier_uk unique (event_identifier)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    constraint token_entry_pk primary key (processor_name, segment)
);

create table dead_letter_entry (
    dead_letter_id       varchar(255) not null,
    processing_group     varchar(255) not null,
    sequence_identifier  varchar(255) not null,
    sequence_index       bigint       not null,
    message_type         varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    aggregate_type       varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          varchar(255) not null,
    last_touched         varchar(255),
    processing_started   varchar(255),
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    constraint dead_letter_entry_pk primary key (dead_letter_id),
    constraint dead_letter_entry_sequence_uk unique (processing_group, sequence_identifier, sequence_index)
);

create index dead_letter_entry_group_sequence_ix on dead_letter_entry (processing_group, sequence_identifier);

-- Events are facts stored forever. The service's role owns the table, and grants never bind an owner, so the
-- refusal lives in triggers; removing them needs DDL, which the hash chain makes detectable.
create function refuse_event_mutation() returns trigger
    language plpgsql as
$$
begin
    raise exception 'domain_event_entry is append-only: % is refused', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'Correct history by appending a compensating event.';
end;
$$;

create trigger domain_event_entry_refuse_update_delete
    before update or delete on domain_event_entry
    for each row execute function refuse_event_mutation();

create trigger domain_event_entry_refuse_truncate
    before truncate on domain_event_entry
    for each statement execute function refuse_event_mutation();
