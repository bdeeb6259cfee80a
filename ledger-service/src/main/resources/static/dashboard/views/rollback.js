// Rollback compatibility: the version × version matrix (rows roll back from, columns to), reasons on hover and on
// click (or Enter) in a panel read by screen readers.
import { enc, getJson } from '../api.js';
import { h } from '../dom.js';
import { subnav } from './database.js';

export async function load({ path: [db] }) {
  const compatibility = await getJson(`/api/v1/databases/${enc(db)}/compatibility`);
  return { rollback: compatibility.rollback, versions: compatibility.grid.map((row) => row.version) };
}

export function render({ rollback, versions }, { path: [db] }) {
  const pairs = new Map(rollback.map((pair) => [`${pair.from}→${pair.to}`, pair]));
  const newestFirst = [...versions].reverse();
  const reasons = h('div', { id: 'rollback-reasons', class: 'reasons', 'aria-live': 'polite' }, 'Choose a cell to see why.');
  const show = (pair) => reasons.replaceChildren(h('strong', {}, `${pair.from} → ${pair.to}: ${pair.safe ? 'safe' : 'unsafe'}`),
    pair.reasons.length ? h('ul', {}, pair.reasons.map((r) => h('li', {}, r))) : h('p', {}, 'Every migration in between can be undone.'));
  return h('section', { 'aria-labelledby': 'rollback-title' },
    h('h1', { id: 'rollback-title' }, `${db}: rollback compatibility`), subnav(db, 'rollback'),
    h('table', { class: 'grid matrix', id: 'rollback-matrix' },
      h('caption', {}, 'Rows: the version rolled back from. Columns: the version rolled back to.'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'from \\ to'), newestFirst.map((v) => h('th', { scope: 'col' }, v)))),
      h('tbody', {}, newestFirst.map((from) => h('tr', {}, h('th', { scope: 'row' }, from),
        newestFirst.map((to) => matrixCell(pairs.get(`${from}→${to}`), show)))))),
    reasons);
}

function matrixCell(pair, show) {
  if (!pair) return h('td', { class: 'absent' }, '');
  return h('td', { class: pair.safe ? 'safe' : 'unsafe', title: pair.reasons.join('\n') || 'safe' },
    h('button', { type: 'button', class: 'cell-button', onclick: () => show(pair) }, pair.safe ? '✔ safe' : '✖ unsafe'));
}
