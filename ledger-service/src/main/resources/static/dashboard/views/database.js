// Database: current version per environment, migrations awaiting approval, and the migrations × environments grid
// coloured by status (with the status in words and an icon).
import { enc, getJson } from '../api.js';
import { dbLink, h, statusBadge } from '../dom.js';

export async function load({ path: [db] }) {
  const [summary, grid] = await Promise.all([
    getJson(`/api/v1/databases/${enc(db)}`),
    getJson(`/api/v1/databases/${enc(db)}/grid`),
  ]);
  return { summary, grid: grid.grid, environments: grid.environments };
}

export function render({ summary, grid, environments }, { path: [db] }) {
  const started = performance.now();
  const section = h('section', { 'aria-labelledby': 'db-title' },
    h('h1', { id: 'db-title' }, db),
    subnav(db, 'grid'),
    currentVersions(summary),
    approvals(db, summary.awaitingApproval),
    migrationGrid(db, grid, environments));
  section.dataset.renderMs = String(Math.round(performance.now() - started));
  return section;
}

export function subnav(db, active) {
  const links = [['grid', '', 'Migrations'], ['drift', '/drift', 'Drift'], ['compare', '/compare', 'Schema comparison'],
    ['rollback', '/rollback', 'Rollback compatibility']];
  return h('nav', { class: 'subnav', 'aria-label': `${db} views` },
    links.map(([key, suffix, label]) => h('a', { href: dbLink(db, suffix), 'aria-current': key === active ? 'page' : null }, label)),
    h('a', { href: `#/audit?database=${enc(db)}` }, 'Audit timeline'));
}

function currentVersions(summary) {
  return h('table', { class: 'grid current', id: 'current-versions' },
    h('caption', {}, 'Current version per environment, in promotion order'),
    h('thead', {}, h('tr', {}, summary.environments.map((env) => h('th', { scope: 'col' }, env.environment)))),
    h('tbody', {}, h('tr', {}, summary.environments.map((env) => h('td', {
      class: `version promotion-${env.promotion.toLowerCase()}`, 'data-environment': env.environment,
    }, env.currentVersion || '—', env.promotion === 'AHEAD' ? h('small', {}, '▲ ahead of promotion order') : null)))));
}

function approvals(db, awaiting) {
  return h('section', { class: 'approvals' }, h('h2', {}, 'Awaiting approval'),
    awaiting.length
      ? h('ul', { id: 'awaiting' }, awaiting.map((m) => h('li', {},
        h('a', { href: dbLink(db, `/migration/${enc(m.migrationId)}`) }, `${m.version} · ${m.migrationId}`))))
      : h('p', {}, 'Nothing is waiting for approval.'));
}

function migrationGrid(db, grid, environments) {
  return h('table', { class: 'grid migrations', id: 'migration-grid' },
    h('caption', {}, `${grid.length} migrations × ${environments.length} environments`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Version'), h('th', { scope: 'col' }, 'Migration'),
      environments.map((env) => h('th', { scope: 'col' }, env)))),
    h('tbody', {}, grid.map((row) => h('tr', { 'data-migration': row.migrationId },
      h('td', {}, row.version),
      h('th', { scope: 'row' }, h('a', { href: dbLink(db, `/migration/${enc(row.migrationId)}`) }, row.migrationId)),
      environments.map((env) => h('td', {
        class: `cell-${String(row.environments[env] || 'PENDING').toLowerCase()}`,
        'data-environment': env, 'data-status': row.environments[env] || 'PENDING',
      }, statusBadge(row.environments[env] || 'PENDING')))))));
}
