-- The runtime role's grants (docs/security.md, "Database grants"). Run as ledger_migrator (or a superuser) after
-- every Flyway migrate; it is idempotent and covers tables later migrations add:
--   psql -U ledger_migrator -d ledger -f docs/security/grants.sql
-- The event store and its hash chain are facts: the service may only INSERT and SELECT them. The append-only triggers
-- stay as a second line of defence (they also bind the owner, whom grants never bind).
do
$$
declare
    tbl record;
begin
    for tbl in select tablename from pg_tables where schemaname = 'ledger' loop
        execute format('revoke all on ledger.%I from ledger_runtime', tbl.tablename);
        if tbl.tablename in ('domain_event_entry', 'event_chain') then
            execute format('grant select, insert on ledger.%I to ledger_runtime', tbl.tablename);
        elsif tbl.tablename = 'flyway_schema_history' then
            execute format('grant select on ledger.%I to ledger_runtime', tbl.tablename);
        else
            -- Tokens, snapshots, dead letters, idempotency records and read models change (and are reset) at run time.
            execute format('grant select, insert, update, delete, truncate on ledger.%I to ledger_runtime',
                           tbl.tablename);
        end if;
    end loop;
    execute 'grant usage, select on all sequences in schema ledger to ledger_runtime';
end;
$$;
