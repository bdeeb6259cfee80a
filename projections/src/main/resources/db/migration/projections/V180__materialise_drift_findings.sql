-- Open drift as rows, judged when the facts of a database change (once per processed batch), so that the report,
-- the gate and the fleet's counts read a page of rows instead of replaying the database's history per request.
-- Time-based kinds (PENDING_TOO_LONG) are stored with the instant they are measured from (since) and opened by the
-- clock when read. Kinds judged elsewhere later (acknowledgements, UNPROPOSED_*) are more rows of the same table.
create table drift_finding (
    generation    integer      not null,
    database_name varchar(255) not null,
    ordinal       integer      not null,
    kind          varchar(64)  not null,
    severity      varchar(8)   not null,
    environment   varchar(255) not null,
    migration_id  varchar(255),
    detail        text,
    since         timestamptz
);
-- No primary key: a judgement replaces a database's rows whole; ordinal is the report's order.
create index drift_finding_report_ix on drift_finding (generation, database_name, ordinal);
create index drift_finding_gate_ix on drift_finding (generation, database_name, environment, kind);

-- The databases of generations built before findings were stored: judged on their first read (or their next event),
-- which deletes the row. Generations built from now on never have any.
create table drift_unjudged (
    generation    integer      not null,
    database_name varchar(255) not null,
    constraint drift_unjudged_pk primary key (generation, database_name)
);
insert into drift_unjudged (generation, database_name)
select distinct generation, database_name from drift_environment;
