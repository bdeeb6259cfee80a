-- Webhook subscriptions and their outbox. Not a read model: the rows are the service's own state (a subscription's
-- secret, a delivery's attempts), written by the admin API and by the notifications processor, never rebuilt.
create table webhook_subscription (
    subscription_id varchar(64)  not null,
    url             text         not null,
    secret          varchar(200) not null,
    kinds           text         not null,
    format          varchar(16)  not null,
    created_by      varchar(255) not null,
    created_at      timestamptz  not null,
    deleted_at      timestamptz,
    constraint webhook_subscription_pk primary key (subscription_id),
    constraint webhook_subscription_format_ck check (format in ('JSON', 'SLACK'))
);

-- One row per notification and subscription; the delivery id is derived from both, so a processor that handles an
-- event again (after a restart) inserts nothing twice.
create table webhook_delivery (
    delivery_id     varchar(64)  not null,
    subscription_id varchar(64)  not null,
    kind            varchar(64)  not null,
    body            text         not null,
    created_at      timestamptz  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    delivered_at    timestamptz,
    gave_up_at      timestamptz,
    last_status     integer,
    last_error      text,
    constraint webhook_delivery_pk primary key (delivery_id),
    constraint webhook_delivery_subscription_fk foreign key (subscription_id)
        references webhook_subscription (subscription_id)
);

create index webhook_delivery_due_ix on webhook_delivery (next_attempt_at) where delivered_at is null
    and gave_up_at is null;
create index webhook_delivery_subscription_ix on webhook_delivery (subscription_id, created_at);
