// Audit timeline: the API's filters, "as of" time travel (events up to an instant and each environment's version
// then), NDJSON / CSV exports fetched with the token in a header, and the hash chain's verification status (the
// signed digest, and verify run once when the view opens and again on request: it recomputes the whole chain, so
// live refreshes never repeat it). Only auditors and admins may read the trail or verify; others are told so.
import { ProblemError, download, enc, getJson, postJson } from '../api.js';
import { dbLink, h, when } from '../dom.js';

/** The last verification this browser tab ran: { result, digest } or { error }. */
let verification = null;

const FILTERS = ['database', 'migration', 'environment', 'actor', 'from', 'to'];

export async function load({ query }) {
  const filter = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) || '']));
  let page;
  try {
    page = await getJson(`/api/v1/audit/events?limit=200&${search(filter)}`);
  } catch (error) {
    if (error instanceof ProblemError && error.status === 403) return { filter, forbidden: error.problem };
    throw error;
  }
  const [asOf, digest] = await Promise.all([
    filter.to && filter.database ? versionsAt(filter.database, filter.to) : null,
    getJson('/api/v1/audit/digest'),
  ]);
  if (!verification) await verify(digest);
  return { filter, page, asOf, digest, verification };
}

/** Verifies the chain and that it still extends the digest just read (its signature checked with the served key). */
async function verify(digest) {
  try {
    verification = { digest, result: await postJson('/api/v1/audit/verify', { digest }) };
  } catch (error) {
    verification = { digest, error: error.message };
  }
}

async function versionsAt(db, instant) {
  const summary = await getJson(`/api/v1/databases/${enc(db)}`);
  return Promise.all(summary.environments.map((env) =>
    getJson(`/api/v1/databases/${enc(db)}/environments/${enc(env.environment)}/versions?at=${enc(instant)}`)));
}

function search(filter) {
  return FILTERS.filter((name) => filter[name]).map((name) => `${name}=${enc(filter[name])}`).join('&');
}

export function render({ filter, page, asOf, digest, forbidden }) {
  if (forbidden) {
    return h('section', { 'aria-labelledby': 'audit-title' },
      h('h1', { id: 'audit-title' }, 'Audit timeline'),
      h('div', { class: 'problem', role: 'alert', id: 'audit-forbidden' },
        h('p', {}, forbidden.detail || 'Your token may not read the audit trail.'),
        h('p', {}, 'The audit trail, its exports and the verification of the hash chain are open to the auditor and admin roles. Sign in with such a token to see them.')));
  }
  return h('section', { 'aria-labelledby': 'audit-title' },
    h('h1', { id: 'audit-title' }, 'Audit timeline'),
    verificationPanel(digest),
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

function verificationPanel(digest) {
  const rerun = h('button', { type: 'button', id: 'verify-again', onclick: async (event) => {
    event.target.disabled = true;
    event.target.textContent = 'Verifying…';
    await verify(await getJson('/api/v1/audit/digest'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } }, 'Verify again');
  const head = h('p', {}, 'Chain head: position ', h('strong', { id: 'digest-position' }, String(digest.position)),
    ', hash ', h('code', { title: digest.hash }, `${digest.hash.slice(0, 16)}…`), `, signed ${when(digest.signedAt)} by key ${digest.keyId}.`);
  const { result, error } = verification || {};
  let status;
  if (error) {
    status = h('p', { class: 'status-line unsafe', id: 'verification-status', 'data-status': 'error' }, `✖ Could not verify: ${error}`);
  } else {
    const intact = result.status === 'intact' && (!result.digest || (result.digest.signatureValid && result.digest.extendsDigest));
    const broken = result.brokenLink;
    status = h('p', { class: `status-line ${intact ? 'safe' : 'unsafe'}`, id: 'verification-status', 'data-status': result.status },
      intact
        ? `✔ Intact: ${result.checkedEvents} event(s) recomputed up to position ${verification.digest.position}; the signed digest verifies and the chain extends it.`
        : broken
          ? `✖ Broken at position ${broken.position}: ${broken.kind}${broken.detail ? ` (${broken.detail})` : ''}.`
          : `✖ The digest does not verify: signature ${result.digest.signatureValid ? 'valid' : 'invalid'}, ${result.digest.verdict}.`);
  }
  const since = verification && digest.position > verification.digest.position
    ? h('p', { id: 'verification-since' }, `${digest.position - verification.digest.position} position(s) written since this check.`) : null;
  return h('section', { id: 'verification', 'aria-labelledby': 'verification-title' },
    h('h2', { id: 'verification-title' }, 'Tamper evidence'), head, status, since, rerun);
}
