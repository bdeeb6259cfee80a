-- GET /databases/{db}/migrations/{id} shows the linter evidence and the waiver a proposal carried.
alter table compatibility_migration
    add column linter_evidence jsonb not null default '[]'::jsonb,
    add column waiver          jsonb;
