// A tiny element builder: h('td', {class: 'x'}, 'text', child). Text is always set as text, never as HTML.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const STATUS_ICONS = {
  APPLIED: '✔', PENDING: '…', FAILED: '✖', ROLLED_BACK: '↺', IMPORTED: '⇩',
  WITHDRAWN: '⊘', SUPERSEDED: '⇢', UNPROPOSED: '?',
};

/** A status cell's content: an icon and the status in words, so colour is never the only signal. */
export function statusBadge(status) {
  const icon = STATUS_ICONS[status] || '•';
  return h('span', { class: `status status-${String(status).toLowerCase()}` },
    h('span', { 'aria-hidden': 'true' }, icon), ' ', String(status).replace('_', ' ').toLowerCase());
}

export function severityBadge(severity) {
  const icon = { HIGH: '▲', MEDIUM: '◆', LOW: '▽' }[severity] || '•';
  return h('span', { class: `severity severity-${String(severity).toLowerCase()}` },
    h('span', { 'aria-hidden': 'true' }, icon), ' ', severity);
}

export function when(instant) {
  return instant ? new Date(instant).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}

export function dbLink(db, suffix = '') {
  return `#/db/${encodeURIComponent(db)}${suffix}`;
}
