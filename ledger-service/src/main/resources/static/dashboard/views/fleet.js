// Fleet: every database with its current version per environment, coloured (and labelled) where an environment is
// behind or ahead of the promotion order or the database has open drift; search by name.
import { enc, getJson } from '../api.js';
import { dbLink, h } from '../dom.js';

const PAGE = 200;

export async function load({ query }) {
  const name = query.get('name') || '';
  const offset = Number(query.get('offset') || 0);
  const page = await getJson(`/api/v1/databases?limit=${PAGE}&offset=${offset}${name ? `&name=${enc(name)}` : ''}`);
  return { name, page };
}

export function render({ name, page }) {
  const started = performance.now();
  const environments = [...new Set(page.databases.flatMap((db) => db.environments.map((env) => env.environment)))];
  const table = h('table', { class: 'grid fleet', id: 'fleet-grid' },
    h('caption', {}, `${page.total} database${page.total === 1 ? '' : 's'}`
      + (page.total > page.databases.length ? `, showing ${page.offset + 1}–${page.offset + page.databases.length}` : '')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Database'),
      environments.map((env) => h('th', { scope: 'col' }, env)),
      h('th', { scope: 'col' }, 'Open drift'), h('th', { scope: 'col' }, 'Awaiting approval'))),
    h('tbody', {}, page.databases.map((db) => row(db, environments))));
  const section = h('section', { 'aria-labelledby': 'fleet-title' },
    h('h1', { id: 'fleet-title' }, 'Fleet'), search(name), legend(), table, pager(name, page));
  section.dataset.renderMs = String(Math.round(performance.now() - started));
  return section;
}

function row(db, environments) {
  const drift = db.openDrift.HIGH + db.openDrift.MEDIUM + db.openDrift.LOW;
  const byName = Object.fromEntries(db.environments.map((env) => [env.environment, env]));
  return h('tr', { 'data-database': db.database },
    h('th', { scope: 'row' }, h('a', { href: dbLink(db.database) }, db.database)),
    environments.map((name) => cell(byName[name], drift > 0)),
    h('td', { class: drift ? 'drift-open' : '' }, drift
      ? h('a', { href: dbLink(db.database, '/drift') }, `⚠ ${db.openDrift.HIGH} high · ${db.openDrift.MEDIUM} medium · ${db.openDrift.LOW} low`)
      : 'none'),
    h('td', {}, db.awaitingApproval.length ? `${db.awaitingApproval.length} waiting` : '—'));
}

function cell(env, driftOpen) {
  if (!env) return h('td', { class: 'absent' }, h('span', { class: 'sr-only' }, 'not in path'));
  const promotion = env.promotion.toLowerCase();
  const labels = [];
  if (env.promotion === 'AHEAD') labels.push('▲ ahead of promotion order');
  if (env.promotion === 'BEHIND') labels.push('▽ behind');
  if (env.failed) labels.push(`✖ ${env.failed} failed`);
  return h('td', {
    class: `version promotion-${promotion}${driftOpen ? ' has-drift' : ''}${env.failed ? ' has-failed' : ''}`,
    'data-environment': env.environment,
    'data-version': env.currentVersion || '',
    title: labels.join(', ') || 'level with the environment before it',
  }, env.currentVersion || '—', labels.length ? h('small', {}, labels.join(' · ')) : null);
}

function search(name) {
  return h('form', { class: 'search', role: 'search', onsubmit: (event) => event.preventDefault() },
    h('label', { for: 'fleet-search' }, 'Search by name '),
    h('input', {
      id: 'fleet-search', type: 'search', value: name, autocomplete: 'off',
      oninput: (event) => { location.hash = `#/?name=${enc(event.target.value.trim())}`; },
    }));
}

function legend() {
  return h('p', { class: 'legend' },
    h('span', { class: 'promotion-ahead' }, '▲ ahead of promotion order'), ' ',
    h('span', { class: 'promotion-behind' }, '▽ behind the environment before it'), ' ',
    h('span', { class: 'has-drift' }, '⚠ open drift'));
}

function pager(name, page) {
  const base = `#/?name=${enc(name)}&offset=`;
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    page.offset > 0 ? h('a', { href: base + Math.max(0, page.offset - PAGE) }, '← previous') : null,
    page.offset + page.databases.length < page.total ? h('a', { href: base + (page.offset + PAGE) }, 'next →') : null);
}
