// Schema comparison: two environments (or an environment and the schema expected at its version) side by side,
// differences highlighted, breaking ones marked.
import { enc, getJson, getJsonOrNull } from '../api.js';
import { dbLink, h, when } from '../dom.js';
import { subnav } from './database.js';

const EXPECTED = '';

export async function load({ path: [db], query }) {
  const summary = await getJson(`/api/v1/databases/${enc(db)}`);
  const environments = summary.environments.map((env) => env.environment);
  const to = query.get('to') || environments[environments.length - 1];
  const from = query.has('from') ? query.get('from') : environments[0];
  const comparison = await getJsonOrNull(
    `/api/v1/databases/${enc(db)}/schema-comparison?to=${enc(to)}${from ? `&from=${enc(from)}` : ''}`);
  return { environments, from, to, comparison };
}

export function render({ environments, from, to, comparison }, { path: [db] }) {
  return h('section', { 'aria-labelledby': 'compare-title' },
    h('h1', { id: 'compare-title' }, `${db}: schema comparison`), subnav(db, 'compare'),
    picker(db, environments, from, to),
    comparison ? sideBySide(comparison) : h('p', { role: 'status' },
      `No schema has been observed in ${from ? `${from} or ` : ''}${to} yet (pipelines send one with "ledger snapshot").`));
}

function picker(db, environments, from, to) {
  const go = () => {
    const f = document.getElementById('compare-from').value;
    const t = document.getElementById('compare-to').value;
    location.hash = dbLink(db, `/compare?from=${enc(f)}&to=${enc(t)}`);
  };
  const options = (selected, withExpected) => [
    withExpected ? h('option', { value: EXPECTED, selected: selected === EXPECTED }, 'expected schema at its version') : null,
    environments.map((env) => h('option', { value: env, selected: env === selected }, env))];
  return h('form', { class: 'picker', onsubmit: (event) => { event.preventDefault(); go(); } },
    h('label', { for: 'compare-from' }, 'From '), h('select', { id: 'compare-from' }, options(from, true)),
    h('label', { for: 'compare-to' }, ' to '), h('select', { id: 'compare-to' }, options(to, false)),
    ' ', h('button', { type: 'submit' }, 'Compare'));
}

function sideBySide(comparison) {
  const side = (s) => s.expected ? `expected at ${s.schemaVersion || '—'}`
    : `${s.environment} · version ${s.schemaVersion || '—'} · captured ${when(s.capturedAt)}`;
  return h('div', {},
    h('p', { class: comparison.breaking ? 'breaking' : '' }, comparison.identical ? '✔ Identical schemas.'
      : `${comparison.differences.length} difference(s)${comparison.breaking ? ', ▲ some breaking' : ''}.`),
    h('table', { class: 'grid compare', id: 'compare-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Object'), h('th', { scope: 'col' }, 'Change'),
        h('th', { scope: 'col' }, side(comparison.from)), h('th', { scope: 'col' }, side(comparison.to)),
        h('th', { scope: 'col' }, 'Breaking'))),
      h('tbody', {}, comparison.differences.map((d) => h('tr', { class: d.breaking ? 'diff breaking' : 'diff', title: d.detail || '' },
        h('th', { scope: 'row' }, `${d.objectType} ${d.name}`), h('td', {}, d.change),
        h('td', { class: 'diff-from' }, d.from ?? '∅'), h('td', { class: 'diff-to' }, d.to ?? '∅'),
        h('td', {}, d.breaking ? '▲ breaking' : 'no'))))));
}
