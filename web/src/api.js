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

export async function getJSON(path, params, signal) {
  const r = await fetch(urlOf(path, params), { headers: { Accept: 'application/json' }, signal });
  if (!r.ok) throw await failure(r);
  return r.json();
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
