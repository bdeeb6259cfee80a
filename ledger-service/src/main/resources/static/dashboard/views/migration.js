// Migration page: script and down script highlighted, analysis findings, approvals and who gave them, the
// timeline of events per environment, and the policy violations those events carry.
import { ProblemError, enc, getJson } from '../api.js';
import { dbLink, h, severityBadge, statusBadge, when } from '../dom.js';
import { highlight } from '../sql.js';

export async function load({ path: [db, id] }) {
  const base = `/api/v1/databases/${enc(db)}/migrations/${enc(id)}`;
  const [migration, scripts, timeline] = await Promise.all([
    getJson(base), getJson(`${base}/scripts`), events(db, id)]);
  return { migration, scripts, timeline };
}

async function events(db, id) {
  try {
    const page = await getJson(`/api/v1/audit/events?database=${enc(db)}&migration=${enc(id)}&limit=500`);
    return { events: page.events };
  } catch (error) {
    if (error instanceof ProblemError && error.status === 403) return { forbidden: error.message };
    throw error;
  }
}

export function render({ migration: m, scripts, timeline }, { path: [db, id] }) {
  return h('section', { 'aria-labelledby': 'migration-title' },
    h('p', {}, h('a', { href: dbLink(db) }, `← ${db}`)),
    h('h1', { id: 'migration-title' }, `${m.version} · ${id}`),
    h('p', { class: 'description' }, m.description || ''),
    facts(m),
    h('h2', {}, 'Status per environment'),
    h('ul', { class: 'env-status', id: 'env-status' }, m.environments.map((e) => h('li', { 'data-environment': e.environment },
      h('strong', {}, e.environment), ' ', statusBadge(e.status), e.changedAt ? ` ${when(e.changedAt)} by ${e.changedBy}` : ''))),
    h('h2', {}, 'Script'), scripts.script ? highlight(scripts.script) : h('p', {}, 'No script was recorded.'),
    h('h2', {}, 'Down script'), scripts.downScript ? highlight(scripts.downScript) : h('p', {}, 'No down script.'),
    findings(m.analysis),
    approvals(m),
    timelineSection(timeline));
}

function facts(m) {
  const rows = [['State', m.status], ['Category', m.category], ['Breaking', m.breaking ? '▲ yes' : 'no'],
    ['Rollback safe', m.rollbackSafe ? '✔ yes' : '✖ no'], ['Proposed by', `${m.proposedBy || '—'} ${when(m.proposedAt)}`],
    ['Checksum', m.checksum], ['Risk', m.risk ? `${m.risk.impact} impact; plan: ${m.risk.rollbackPlan}` : '—']];
  if (m.rejectedBy) rows.push(['Rejected by', `${m.rejectedBy}: ${m.rejectionReason}`]);
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '—')]));
}

function findings(analysis) {
  const list = analysis ? analysis.findings : [];
  return h('section', {}, h('h2', {}, 'Analysis findings'),
    list.length === 0 ? h('p', {}, analysis ? '✔ No findings.' : 'Not analysed (no script).') : h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, ['Severity', 'Rule', 'Statement', 'Reason'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, list.map((f) => h('tr', {}, h('td', {}, severityBadge(f.severity)), h('td', {}, f.rule),
        h('td', {}, h('code', {}, f.statement)), h('td', {}, f.reason))))));
}

function approvals(m) {
  return h('section', {}, h('h2', {}, 'Approvals'),
    m.approvals.length === 0 ? h('p', {}, 'No approvals yet.') : h('ul', { id: 'approvals' }, m.approvals.map((a) => h('li', {},
      `✔ ${a.approvedBy} (${a.role}) ${when(a.approvedAt)}`, a.comment ? ` — “${a.comment}”` : '',
      a.fullyApproved ? ' · completed the approvals required' : ` · ${a.approvalsRequired} required`))));
}

function timelineSection(timeline) {
  if (timeline.forbidden) {
    return h('section', {}, h('h2', {}, 'Timeline'), h('p', {}, `The timeline needs the auditor role: ${timeline.forbidden}`));
  }
  const byEnvironment = new Map();
  for (const event of timeline.events) {
    const key = event.environment || 'all environments';
    if (!byEnvironment.has(key)) byEnvironment.set(key, []);
    byEnvironment.get(key).push(event);
  }
  return h('section', { id: 'timeline' }, h('h2', {}, 'Timeline'),
    [...byEnvironment.entries()].map(([env, list]) => h('section', { class: 'timeline', 'data-environment': env },
      h('h3', {}, env),
      h('ol', {}, list.map((event) => h('li', {}, h('time', {}, when(event.recordedAt)), ' ',
        h('strong', {}, event.type), ` by ${event.principal || '—'}: ${event.summary || ''}`, violations(event.payload))))))
  );
}

function violations(payload) {
  const list = (payload && payload.violations) || [];
  return list.length ? h('ul', { class: 'violations' }, list.map((v) => h('li', {}, `⚠ ${v.code}: ${v.detail}`))) : null;
}
