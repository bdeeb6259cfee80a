-- Runs imported from a history that predates the ledger are facts too, but drift judges them apart from reported
-- ones: they were never subject to approval, and their order in the ledger says nothing about when they ran.
-- Rows written before this column existed were all reported by pipelines. A drift generation built before imports
-- were projected lacks them: rebuild it (POST /api/v1/admin/projections/drift/rebuilds) to take them in.
alter table drift_fact add column imported boolean not null default false;
