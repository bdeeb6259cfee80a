-- The columns of ledger-service's event table (db/migration/eventstore/V001) that read models look up: projections
-- cannot depend on ledger-service, so their tests keep this subset. A projection test stores each event it delivers
-- here, as the event store would have before the processor read it.
create table domain_event_entry (
    global_index         bigint       not null,
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    constraint domain_event_entry_pk primary key (global_index),
    constraint domain_event_entry_event_identifier_uk unique (event_identifier),
    constraint domain_event_entry_aggregate_sequence_uk unique (aggregate_identifier, sequence_number)
);
