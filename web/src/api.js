// The REST API, same origin only: the page never asks anything of another machine.

export class ApiError extends Error {}

function urlOf(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') url.searchParams.set(k, v);
  }
  return url;
}

async function failure(r) {
  let detail = r.statusText;
  try {
    const body = await r.json();
    detail = typeof body.detail === 'string' ? body.detail : JSON.stringify(body.detail);
  } catch { /* not JSON: keep the status text */ }
  return new ApiError(`${r.status}: ${detail}`);
}

async function fetchJSON(url, signal) {
  const r = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!r.ok) throw await failure(r);
  return r.json();
}

// Requests in flight, by URL: two views asking the same thing at once (the timeline and the network
// both want the window's first page) share one request and one parsed answer, which neither changes.
const inFlight = new Map();

export function getJSON(path, params, signal) {
  const url = urlOf(path, params).toString();
  if (!signal) return fetchJSON(url);
  let shared = inFlight.get(url);
  if (!shared) {
    // not aborted with the first asker: another may still want it (latest() drops a stale answer)
    shared = fetchJSON(url).finally(() => inFlight.delete(url));
    inFlight.set(url, shared);
  }
  return new Promise((resolve, reject) => {
    const stop = () => reject(new DOMException('aborted', 'AbortError'));
    if (signal.aborted) stop();
    signal.addEventListener('abort', stop, { once: true });
    shared.then(resolve, reject);
  });
}

export async function sparql(query, signal) {
  const body = new URLSearchParams({ query });
  const r = await fetch('/sparql', {
    method: 'POST', body, signal, headers: { Accept: 'application/sparql-results+json' },
  });
  if (!r.ok) throw await failure(r);
  return r.json();
}

// One request in flight per view: a newer one aborts the older, whose answer would be stale.
export function latest() {
  let ctrl = null;
  return (fn) => {
    if (ctrl) ctrl.abort();
    ctrl = new AbortController();
    const mine = ctrl;
    return fn(mine.signal).catch((e) => {
      if (mine.signal.aborted) return null;
      throw e;
    });
  };
}

export const isAbort = (e) => e && e.name === 'AbortError';
