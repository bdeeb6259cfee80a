// The dashboard's shell: sign-in, hash routes, and live updates: every tick asks only for the ledger's newest position
// (one index lookup), and the view's data is read again only when it has moved.
import { SignInNeeded, ledgerPosition, token } from './api.js';
import { h } from './dom.js';
import * as fleet from './views/fleet.js';
import * as database from './views/database.js';
import * as migration from './views/migration.js';
import * as drift from './views/drift.js';
import * as compare from './views/compare.js';
import * as rollback from './views/rollback.js';
import * as audit from './views/audit.js';

const POLL_MS = 2000;
const ROUTES = [
  [/^#\/db\/([^/?]+)\/migration\/([^/?]+)/, migration],
  [/^#\/db\/([^/?]+)\/drift/, drift],
  [/^#\/db\/([^/?]+)\/compare/, compare],
  [/^#\/db\/([^/?]+)\/rollback/, rollback],
  [/^#\/db\/([^/?]+)/, database],
  [/^#\/audit/, audit],
  [/^/, fleet],
];

const view = document.getElementById('view');
const form = document.getElementById('token-form');
const live = document.getElementById('live');
let shown = { key: null, data: null };
let timer = null;
let polling = false;

function route() {
  const hash = location.hash || '#/';
  for (const [pattern, module] of ROUTES) {
    const match = hash.match(pattern);
    if (match) {
      const query = new URLSearchParams(hash.split('?')[1] || '');
      return { module, params: { path: match.slice(1).map(decodeURIComponent), query }, key: hash };
    }
  }
  return null;
}

async function refresh(force) {
  const current = route();
  try {
    const data = await current.module.load(current.params);
    // The user may have moved on while this answer was on its way: never draw a page they left.
    if (route().key !== current.key) return;
    const signature = JSON.stringify(data);
    if (force || shown.key !== current.key || shown.data !== signature) {
      const focused = document.activeElement && document.activeElement.id;
      view.replaceChildren(current.module.render(data, current.params));
      restoreFocus(focused);
      shown = { key: current.key, data: signature };
    }
    live.textContent = `Live · updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    if (route().key !== current.key) return;
    failed(error, current.key);
  }
}

/** A live refresh replaces the view; keyboard users keep their place (and the caret stays at the end of a field). */
function restoreFocus(id) {
  const element = id && document.getElementById(id);
  if (!element) return;
  element.focus();
  if (element.tagName === 'INPUT' && element.type !== 'password') element.setSelectionRange(element.value.length, element.value.length);
}

function failed(error, key) {
  if (error instanceof SignInNeeded) {
    stop();
    askForToken(token.get() ? error.message : '');
    return;
  }
  if (shown.key === key) {
    // A live refresh that fails keeps the page already shown and says so.
    live.textContent = `Not updated: ${error.message}`;
    return;
  }
  shown = { key: null, data: null };
  view.replaceChildren(h('div', { class: 'problem', role: 'alert' },
    h('h1', {}, 'Could not load this page'), h('p', {}, error.message)));
}

function askForToken(message) {
  view.replaceChildren();
  form.hidden = false;
  document.getElementById('sign-out').hidden = true;
  document.getElementById('token-error').textContent = message;
  document.getElementById('token').focus();
}

function start() {
  form.hidden = true;
  document.getElementById('sign-out').hidden = false;
  stop();
  polling = true;
  seenHead = null;
  shown = { key: null, data: null };
  tick().then(poll);
}

/** The next poll starts only when the previous answer is in, so a slow service is never asked twice at once. */
function poll() {
  if (polling) timer = setTimeout(() => tick().then(poll), POLL_MS);
}

/**
 * Read models follow the event store a moment behind (and a rolled-back insert leaves a gap they wait out), so after
 * the position moves the view reads again on this many ticks, not once; then only the position is asked again.
 */
const READS_AFTER_A_CHANGE = 3;
let seenHead = null;
let readsLeft = 0;

async function tick() {
  let head;
  try {
    head = await ledgerPosition();
  } catch (error) {
    failed(error, route().key);
    return;
  }
  if (head !== seenHead) {
    seenHead = head;
    readsLeft = READS_AFTER_A_CHANGE;
  }
  if (readsLeft > 0) {
    readsLeft -= 1;
    await refresh(false);
  }
  live.textContent = `Live · position ${head} · checked ${new Date().toLocaleTimeString()}`;
}

function stop() {
  polling = false;
  if (timer) clearTimeout(timer);
  timer = null;
  live.textContent = '';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  token.set(document.getElementById('token').value.trim());
  document.getElementById('token').value = '';
  start();
});

document.getElementById('sign-out').addEventListener('click', () => {
  token.clear();
  stop();
  askForToken('');
});

window.addEventListener('hashchange', () => {
  if (token.get()) {
    shown = { key: null, data: null };
    refresh(true);
  }
});

if (token.get()) start();
else askForToken('');
