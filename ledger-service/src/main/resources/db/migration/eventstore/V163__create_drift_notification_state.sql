-- What the drift notifier last saw of each open finding, so that a finding is announced once when it opens and again
-- only when it worsens. Service state like the webhook tables: never rebuilt; a database's first check records what
-- is open without announcing it (a new installation or subscription is not sent drift that predates it).
create table drift_notification_database (
    database_name varchar(255) not null,
    first_checked_at timestamptz not null,
    constraint drift_notification_database_pk primary key (database_name)
);

create table drift_notification_finding (
    database_name varchar(255) not null,
    finding_key   text         not null,
    severity      varchar(8)   not null,
    detail        text,
    seen_at       timestamptz  not null,
    constraint drift_notification_finding_pk primary key (database_name, finding_key)
);
