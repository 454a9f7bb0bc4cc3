// The page's shared state: the time window and the filters every view reads, and who changed them.
// A view calls update(); every subscriber hears (state, changedKeys, source) and redraws what it must.

export const state = {
  from: null, // YYYY-MM-DD or null: the window's first day (the timeline's visible range, or the date inputs)
  to: null, //   YYYY-MM-DD or null: its last day
  actor: null, // {id, label} or null
  place: null, // {id, label} or null
  type: '', //   a CAMEO root code ('19') or ''
  text: '', //   free text matched against the loaded events' labels
  selected: null, // the event id shown in the detail panel
};

const listeners = new Set();

export function subscribe(fn) {
  listeners.add(fn);
}

export function update(patch, source) {
  const changed = Object.keys(patch).filter((k) => state[k] !== patch[k]);
  if (!changed.length) return;
  Object.assign(state, patch);
  for (const fn of listeners) fn(state, new Set(changed), source);
}

// The events of one timeline page (more with "Load more"): vis-timeline lays out every item it holds on each
// redraw, and 500 stacked items took seconds on the 1M-quad benchmark (bench/page.py). The network asks for
// the same page, so the two share one request (api.js).
export const PAGE = 100;

// The window as query parameters for the API (each view adds limit/offset itself).
export function windowParams() {
  return { from: state.from, to: state.to };
}
