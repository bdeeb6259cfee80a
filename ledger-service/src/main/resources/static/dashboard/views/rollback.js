// Rollback compatibility in the API's reach form: per version, the oldest version safe rollbacks reach and the
// migration that blocks going further. The version × version matrix is computed here from that reach, for a window
// of versions only (rows roll back from, columns to), so 500 versions never draw 250 000 cells. Reasons show on
// hover and on click (or Enter) in a panel read by screen readers.
import { enc, getJson } from '../api.js';
import { dbLink, h } from '../dom.js';
import { subnav } from './database.js';

const WINDOW = 12;
const PAGE = 1000;

export async function load({ path: [db] }) {
  const reach = [];
  const order = [];
  let after = null;
  do {
    const page = await getJson(`/api/v1/databases/${enc(db)}/compatibility?gridLimit=${PAGE}${after ? `&gridAfter=${enc(after)}` : ''}`);
    page.grid.forEach((row) => order.push(row.migrationId));
    reach.push(...page.rollbackReach);
    after = page.gridNext;
  } while (after);
  // Oldest first, the order rollbacks are counted in.
  const rank = new Map(order.map((id, i) => [id, i]));
  reach.sort((a, b) => rank.get(a.migrationId) - rank.get(b.migrationId));
  return { reach };
}

/** The pair from the newer version down to the older one, as GET …/compatibility?from=&to= would answer it. */
export function pair(reach, from, to) {
  const index = new Map(reach.map((r, i) => [r.version, i]));
  const earliest = reach.map((r) => index.get(r.earliestSafe));
  const newer = index.get(from);
  const older = index.get(to);
  const reasons = [];
  for (let k = newer; k > older && earliest[k] > older; k = earliest[k] - 1) {
    reasons.push({ migrationId: reach[k].blockedByMigration, reason: reach[k].blockedBy });
  }
  return { from, to, safe: reasons.length === 0, reasons };
}

export function render({ reach }, { path: [db], query }) {
  const started = performance.now();
  const newestFirst = [...reach].reverse();
  const older = Math.max(0, Math.min(Number(query.get('older')) || 0, Math.max(0, newestFirst.length - WINDOW)));
  const visible = newestFirst.slice(older, older + WINDOW);
  const reasons = h('div', { id: 'rollback-reasons', class: 'reasons', 'aria-live': 'polite' }, 'Choose a cell to see why.');
  const show = (p) => reasons.replaceChildren(h('strong', {}, `${p.from} → ${p.to}: ${p.safe ? 'safe' : 'unsafe'}`),
    p.reasons.length
      ? h('ul', {}, p.reasons.map((r) => h('li', {}, h('a', { href: dbLink(db, `/migration/${enc(r.migrationId)}`) }, r.migrationId), `: ${r.reason}`)))
      : h('p', {}, 'Every migration in between can be undone.'));
  const section = h('section', { 'aria-labelledby': 'rollback-title' },
    h('h1', { id: 'rollback-title' }, `${db}: rollback compatibility`), subnav(db, 'rollback'),
    reachTable(db, newestFirst),
    h('h2', {}, 'Version × version'),
    windowNav(db, older, newestFirst.length),
    h('table', { class: 'grid matrix', id: 'rollback-matrix' },
      h('caption', {}, `Rows: the version rolled back from. Columns: the version rolled back to. Versions ${older + 1}–${older + visible.length} of ${newestFirst.length}, newest first.`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'from \\ to'), visible.map((r) => h('th', { scope: 'col' }, r.version)))),
      h('tbody', {}, visible.map((from, row) => h('tr', { 'data-from': from.version }, h('th', { scope: 'row' }, from.version),
        visible.map((to, column) => (column > row ? matrixCell(pair(reach, from.version, to.version), show) : h('td', { class: 'absent', 'data-to': to.version }, ''))))))),
    reasons);
  section.dataset.renderMs = String(Math.round(performance.now() - started));
  return section;
}

function reachTable(db, newestFirst) {
  return h('table', { class: 'grid', id: 'rollback-reach' },
    h('caption', {}, 'From each version, how far safe rollbacks reach, and what stops them going further.'),
    h('thead', {}, h('tr', {}, ['Version', 'Migration', 'Safe rollbacks reach down to', 'Blocked by'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, newestFirst.map((r) => h('tr', { 'data-version': r.version },
      h('th', { scope: 'row' }, r.version),
      h('td', {}, h('a', { href: dbLink(db, `/migration/${enc(r.migrationId)}`) }, r.migrationId)),
      h('td', { class: r.blockedByMigration ? 'unsafe' : 'safe' }, r.blockedByMigration ? `✖ ${r.earliestSafe}` : `✔ ${r.earliestSafe} (every older version)`),
      h('td', {}, r.blockedByMigration
        ? [h('a', { href: dbLink(db, `/migration/${enc(r.blockedByMigration)}`) }, r.blockedByMigration), `: ${r.blockedBy}`]
        : '')))));
}

function windowNav(db, older, total) {
  const link = (offset, label, id) => h('a', { href: dbLink(db, `/rollback?older=${offset}`), id, class: 'button' }, label);
  return h('p', { class: 'window-nav' },
    older > 0 ? link(Math.max(0, older - WINDOW), '◀ Newer versions', 'rollback-newer') : null, ' ',
    older + WINDOW < total ? link(older + WINDOW, 'Older versions ▶', 'rollback-older') : null);
}

function matrixCell(p, show) {
  return h('td', { class: p.safe ? 'safe' : 'unsafe', 'data-to': p.to, title: p.reasons.map((r) => `${r.migrationId}: ${r.reason}`).join('\n') || 'safe' },
    h('button', { type: 'button', class: 'cell-button', onclick: () => show(p) }, p.safe ? '✔ safe' : '✖ unsafe'));
}
