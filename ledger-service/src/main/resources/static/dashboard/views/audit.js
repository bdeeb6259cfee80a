// Audit timeline: the API's filters, "as of" time travel (events up to an instant and each environment's version
// then), and NDJSON / CSV exports fetched with the token in a header.
import { download, enc, getJson } from '../api.js';
import { dbLink, h, when } from '../dom.js';

const FILTERS = ['database', 'migration', 'environment', 'actor', 'from', 'to'];

export async function load({ query }) {
  const filter = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) || '']));
  const page = await getJson(`/api/v1/audit/events?limit=200&${search(filter)}`);
  const asOf = filter.to && filter.database ? await versionsAt(filter.database, filter.to) : null;
  return { filter, page, asOf };
}

async function versionsAt(db, instant) {
  const summary = await getJson(`/api/v1/databases/${enc(db)}`);
  return Promise.all(summary.environments.map((env) =>
    getJson(`/api/v1/databases/${enc(db)}/environments/${enc(env.environment)}/versions?at=${enc(instant)}`)));
}

function search(filter) {
  return FILTERS.filter((name) => filter[name]).map((name) => `${name}=${enc(filter[name])}`).join('&');
}

export function render({ filter, page, asOf }) {
  return h('section', { 'aria-labelledby': 'audit-title' },
    h('h1', { id: 'audit-title' }, 'Audit timeline'),
    form(filter),
    exports(filter),
    asOf ? h('section', { id: 'as-of' }, h('h2', {}, `State as of ${filter.to}`), h('ul', {}, asOf.map((v) =>
      h('li', {}, h('strong', {}, v.environment), `: ${v.currentVersion || 'nothing applied'}`)))) : null,
    h('table', { class: 'grid', id: 'audit-table' },
      h('caption', {}, `${page.events.length} event(s)${page.nextCursor ? ' (first page; narrow the filters or export for all)' : ''}`),
      h('thead', {}, h('tr', {}, ['Position', 'Recorded', 'Type', 'Database', 'Environment', 'Migration', 'Principal', 'Summary']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, page.events.map((e) => h('tr', { 'data-position': e.position },
        h('td', {}, e.position), h('td', {}, when(e.recordedAt)), h('td', {}, e.type),
        h('td', {}, e.database ? h('a', { href: dbLink(e.database) }, e.database) : ''),
        h('td', {}, e.environment || ''),
        h('td', {}, e.migrationId ? h('a', { href: dbLink(e.database, `/migration/${enc(e.migrationId)}`) }, e.migrationId) : ''),
        h('td', {}, e.principal || ''), h('td', {}, e.summary || ''))))));
}

function form(filter) {
  const apply = (event) => {
    event.preventDefault();
    const values = Object.fromEntries(FILTERS.map((name) => [name, document.getElementById(`audit-${name}`).value.trim()]));
    location.hash = `#/audit?${search(values)}`;
  };
  const labels = { from: 'From (ISO instant)', to: 'As of / to (ISO instant)' };
  return h('form', { class: 'filters', id: 'audit-filters', onsubmit: apply },
    FILTERS.map((name) => h('label', { for: `audit-${name}` }, `${labels[name] || name} `,
      h('input', { id: `audit-${name}`, name, value: filter[name], placeholder: name === 'to' ? '2026-03-03T14:00:00Z' : '' }))),
    h('button', { type: 'submit', id: 'audit-apply' }, 'Apply filters'));
}

function exports(filter) {
  const query = search(filter);
  return h('p', { class: 'exports' },
    h('button', { type: 'button', id: 'export-ndjson',
      onclick: () => download(`/api/v1/audit/events?${query}`, 'application/x-ndjson', 'audit.ndjson') }, 'Export NDJSON'), ' ',
    h('button', { type: 'button', id: 'export-csv',
      onclick: () => download(`/api/v1/audit/events?${query}`, 'text/csv', 'audit.csv') }, 'Export CSV'));
}
