-- The tamper-evidence hash chain (docs/adr/0013-hash-chain-linked-after-commit.md, docs/security.md). One row per
-- linked event, written by the chainer (evidence/EventChainer) in global_index order once no earlier event can still
-- commit. The event table is left exactly as Axon writes it; events stored before this script are linked from the
-- genesis hash by the chainer's first passes (the anchor rule: chained_at says when each was linked).
create table event_chain (
    global_index      bigint       not null,
    event_identifier  varchar(255) not null,
    previous_position bigint       not null,
    previous_hash     bytea        not null,
    payload_hash      bytea        not null,
    metadata_hash     bytea        not null,
    hash              bytea        not null,
    chained_at        timestamptz  not null,
    constraint event_chain_pk primary key (global_index),
    -- Two links can never follow the same event: the chain cannot fork, whichever node links.
    constraint event_chain_previous_position_uk unique (previous_position),
    constraint event_chain_follows_ck check (previous_position < global_index),
    constraint event_chain_hash_lengths_ck check (octet_length(previous_hash) = 32 and octet_length(payload_hash) = 32
        and octet_length(metadata_hash) = 32 and octet_length(hash) = 32)
);

create function refuse_chain_mutation() returns trigger
    language plpgsql as
$$
begin
    raise exception 'event_chain is append-only: % is refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger event_chain_refuse_update_delete
    before update or delete on event_chain
    for each row execute function refuse_chain_mutation();

create trigger event_chain_refuse_truncate
    before truncate on event_chain
    for each statement execute function refuse_chain_mutation();
