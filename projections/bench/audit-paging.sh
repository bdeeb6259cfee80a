#!/usr/bin/env bash
# Audit-trail paging at a million events: keyset (what AuditTrailQueryHandler runs) against OFFSET.
# Usage: projections/bench/audit-paging.sh [rows]   (PostgreSQL on 127.0.0.1:5432, user postgres, trust auth)
set -euo pipefail
rows=${1:-1000000}
db=bench_audit_$$
here=$(cd "$(dirname "$0")" && pwd)
psql_() { psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
psql_ -d postgres -c "create database $db"
trap 'psql_ -d postgres -c "drop database if exists $db with (force)"' EXIT
psql_ -d "$db" -f "$here/../src/main/resources/db/migration/projections/V104__create_audit_trail.sql"
start=$(date +%s)
psql_ -d "$db" -c "
insert into audit_event (generation, global_index, event_id, database_name, sequence_number, event_type, migration_id,
    environment, principal, source_tool, source_run_url, correlation_id, recorded_at, summary, payload)
select 1, i, 'event-' || i, 'db' || (i % 50), i / 50, 'MigrationApplied', lpad((i % 400)::text, 4, '0') || '_change',
    (array['local','ci','staging','production'])[1 + i % 4], (array['ci','alice','bob','dora','deploy-bot'])[1 + i % 5],
    'flyway', 'https://ci.example/run/' || i, 'corr-' || i,
    timestamptz '2024-01-01' + make_interval(secs => i * 30), 'applied', jsonb_build_object('n', i)
from generate_series(1, $rows) i;
analyze audit_event;"
echo "loaded $rows rows in $(( $(date +%s) - start )) s"
# A cursor deep in the trail: the keyset row of position rows*0.9.
deep=$(( rows * 9 / 10 ))
at=$(psql_ -d "$db" -tA -c "select recorded_at from audit_event where generation = 1 and global_index = $deep")
page() { # label, sql
  psql_ -d "$db" -tA -c "explain (analyze, format json) $2" | python3 -c "
import json,sys; p=json.load(sys.stdin)[0]; print('%-52s %8.3f ms' % ('$1', p['Execution Time']))"
}
cols="global_index, event_id, event_type, database_name, sequence_number, migration_id, environment, principal,
  source_tool, source_run_url, correlation_id, recorded_at, summary, payload::text"
for run in 1 2 3; do
page "keyset, first page, no filter" "select $cols from audit_event where generation = 1 order by recorded_at, global_index limit 101"
page "keyset, page at 90%, no filter" "select $cols from audit_event where generation = 1 and (recorded_at, global_index) > ('$at', $deep) order by recorded_at, global_index limit 101"
page "keyset, page at 90%, database filter" "select $cols from audit_event where generation = 1 and database_name = 'db7' and (recorded_at, global_index) > ('$at', $deep) order by recorded_at, global_index limit 101"
page "keyset, page at 90%, actor + environment" "select $cols from audit_event where generation = 1 and principal = 'dora' and environment = 'ci' and (recorded_at, global_index) > ('$at', $deep) order by recorded_at, global_index limit 101"
page "keyset, time range filter" "select $cols from audit_event where generation = 1 and recorded_at >= '$at' and recorded_at < timestamptz '$at' + interval '1 day' order by recorded_at, global_index limit 101"
page "OFFSET $deep (for comparison)" "select $cols from audit_event where generation = 1 order by recorded_at, global_index offset $deep limit 101"
done
