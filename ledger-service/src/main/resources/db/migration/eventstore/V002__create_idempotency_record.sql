-- Remembers the first answer to a write sent with an Idempotency-Key, so that a retry records nothing twice.
create table idempotency_record (
    principal       varchar(255)  not null,
    idempotency_key varchar(255)  not null,
    request_hash    varchar(64)   not null,
    state           varchar(16)   not null,
    response_status integer,
    response_type   varchar(255),
    response_body   bytea,
    ledger_position bigint,
    created_at      timestamptz   not null,
    completed_at    timestamptz,
    constraint idempotency_record_pk primary key (principal, idempotency_key),
    constraint idempotency_record_state_ck check (state in ('IN_FLIGHT', 'COMPLETED'))
);

create index idempotency_record_created_at_ix on idempotency_record (created_at);
