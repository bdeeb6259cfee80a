// Every call to the service: the token comes from sessionStorage and travels in a header, never in a URL.
const TOKEN_KEY = 'ledger.token';

export class SignInNeeded extends Error {}

export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

async function call(path, accept, init = {}) {
  const bearer = token.get();
  if (!bearer) throw new SignInNeeded('No token yet');
  const response = await fetch(path, {
    ...init,
    headers: { Authorization: `Bearer ${bearer}`, Accept: accept, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
    cache: 'no-store',
  });
  if (response.status === 401) {
    throw new SignInNeeded('The service did not accept this token (401). Check it and sign in again.');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ title: response.statusText }));
    throw new ProblemError(response.status, problem);
  }
  return response;
}

export async function getJson(path) {
  return (await call(path, 'application/json')).json();
}

export async function postJson(path, body) {
  return (await call(path, 'application/json', { method: 'POST', body: JSON.stringify(body) })).json();
}

/** The newest position of the ledger: one index lookup, the live shell's question every tick. */
export async function ledgerPosition() {
  return (await getJson('/api/v1/position')).position;
}

/** Reads a JSON answer, or null when the service answers 404 (nothing known yet). */
export async function getJsonOrNull(path) {
  try {
    return await getJson(path);
  } catch (error) {
    if (error instanceof ProblemError && error.status === 404) return null;
    throw error;
  }
}

/** Downloads an export through fetch and a blob, so that the token stays in the header. */
export async function download(path, accept, filename) {
  const blob = await (await call(path, accept)).blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

export const enc = encodeURIComponent;
