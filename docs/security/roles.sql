-- Production roles for the ledger (docs/security.md, "Database grants"). Run ONCE as a superuser, connected to the
-- ledger's database:   psql -d ledger -f docs/security/roles.sql
-- then give both roles passwords (\password ledger_migrator, \password ledger_runtime) or your cluster's own auth.
--   ledger_migrator owns the schema: Flyway runs as it (spring.flyway.user), nothing else does.
--   ledger_runtime is the service (spring.datasource.username): DML only, INSERT and SELECT on the event store.
do
$$
begin
    if not exists (select from pg_roles where rolname = 'ledger_migrator') then
        create role ledger_migrator login;
    end if;
    if not exists (select from pg_roles where rolname = 'ledger_runtime') then
        create role ledger_runtime login;
    end if;
end;
$$;

create schema if not exists ledger authorization ledger_migrator;
revoke all on schema ledger from public;
grant usage on schema ledger to ledger_runtime;
alter role ledger_migrator set search_path = ledger;
alter role ledger_runtime set search_path = ledger;
