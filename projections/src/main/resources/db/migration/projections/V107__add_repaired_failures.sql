-- A history repair that removed a failed run clears the failure: it is a fact drift replays in ledger order.
alter table drift_fact drop constraint drift_fact_kind_ck;
alter table drift_fact add constraint drift_fact_kind_ck
    check (kind in ('APPLIED', 'FAILED', 'ROLLED_BACK', 'FAILURE_CLEARED'));
-- One repair clears several failures under a single sequence number.
alter table drift_fact drop constraint drift_fact_pk;
alter table drift_fact add constraint drift_fact_pk primary key (generation, database_name, sequence_number, migration_id);
