// Drift: open findings, most severe first, each linking to its migration and environment.
import { enc, getJson } from '../api.js';
import { dbLink, h, severityBadge, when } from '../dom.js';
import { subnav } from './database.js';

const ORDER = { HIGH: 0, MEDIUM: 1, LOW: 2 };

export async function load({ path: [db] }) {
  return getJson(`/api/v1/databases/${enc(db)}/drift`);
}

export function render(report, { path: [db] }) {
  const findings = [...report.findings].sort((a, b) => (ORDER[a.severity] ?? 9) - (ORDER[b.severity] ?? 9));
  return h('section', { 'aria-labelledby': 'drift-title' },
    h('h1', { id: 'drift-title' }, `${db}: drift`), subnav(db, 'drift'),
    h('p', {}, `Evaluated ${when(report.evaluatedAt)}.`
      + (report.total > report.findings.length ? ` Showing the first ${report.findings.length} of ${report.total} findings.` : '')),
    findings.length === 0 ? h('p', { class: 'ok' }, '✔ No open drift.') : h('table', { class: 'grid', id: 'drift-table' },
      h('thead', {}, h('tr', {}, ['Severity', 'Kind', 'Environment', 'Migration', 'Detail'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, findings.map((f) => h('tr', { class: `severity-row-${f.severity.toLowerCase()}` },
        h('td', {}, severityBadge(f.severity)),
        h('td', {}, f.kind),
        h('td', {}, h('a', { href: `#/audit?database=${enc(db)}&environment=${enc(f.environment)}` }, f.environment)),
        h('td', {}, f.migrationId
          ? h('a', { class: 'drift-migration', href: dbLink(db, `/migration/${enc(f.migrationId)}`) }, f.migrationId) : '—'),
        h('td', {}, f.detail))))));
}
