-- Audit-trail rows were keyed on the tracking token's position, which for an event that filled a gap is the highest
-- index the processor had seen: such an event either took another event's key (and was dropped) or sat at a wrong
-- position. Rows are now keyed on the event's identity and carry the global index read from the stored event.
-- A generation written before this change may miss events or hold misplaced rows; the start-up consistency check
-- (projection/audit/AuditTrailRepair) finds them and rebuilds the read model. Here only what would keep the new key
-- from holding is removed: a second row for an event already recorded (the misplaced one of a redelivery).
delete from audit_event newer
using audit_event older
where newer.generation = older.generation
  and newer.event_id = older.event_id
  and newer.global_index > older.global_index;

alter table audit_event add constraint audit_event_event_uk unique (generation, event_id);
