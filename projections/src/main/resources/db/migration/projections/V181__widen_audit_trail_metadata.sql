-- Metadata is stored forever and its length was never bounded by the event store, so the audit trail holds any
-- length: a correlation id or tool name longer than 255 characters (sent as a header before the service bounded
-- those) stopped the audit-trail processor on that event for good (found by reliability/HostileInputIT).
alter table audit_event alter column principal type text;
alter table audit_event alter column source_tool type text;
alter table audit_event alter column correlation_id type text;
