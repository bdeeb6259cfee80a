-- Blue-green rebuilds (docs/adr/0010): every read-model row carries the generation that built it. A generation is
-- built by its own processing group; queries read the ACTIVE one; switching is one update of this table.
create table projection_generation (
    read_model       varchar(64)  not null,
    generation       integer      not null,
    state            varchar(16)  not null,
    processor_name   varchar(255) not null,
    created_at       timestamptz  not null,
    target_position  bigint,
    auto_switch      boolean      not null default false,
    activated_at     timestamptz,
    retired_at       timestamptz,
    comparison       text,
    constraint projection_generation_pk primary key (read_model, generation),
    constraint projection_generation_processor_uk unique (processor_name),
    constraint projection_generation_state_ck
        check (state in ('BUILDING', 'READY', 'ACTIVE', 'STANDBY', 'RETIRED', 'CANCELLED'))
);

create unique index projection_generation_one_active_ux on projection_generation (read_model) where state = 'ACTIVE';
