// The page's shared state: the time window and the filters every view reads, and who changed them.
// A view calls update(); every subscriber hears (state, changedKeys, source) and redraws what it must.

export const state = {
  from: null, // YYYY-MM-DD or null: the window's first day (the timeline's visible range, or the date inputs)
  to: null, //   YYYY-MM-DD or null: its last day
  actor: null, // {id, label} or null
  place: null, // {id, label} or null
  type: '', //   a CAMEO root code ('19') or ''
  text: '', //   free text: the API's q= (event, trigger, actors' and place's labels, matched by the server)
  selected: null, // the event id shown in the detail panel
  group: '', //  the timeline's lanes: '' (none), 'actor' or 'place'
  page: null, // the events the timeline loaded for the window and filters (the network draws from them: one
  //             request for both); null while the timeline shows counts per month or day instead (zoomed out)
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

// A page under an actor, place, type or text filter is half as long: every filter change replaces the
// timeline's items, and vis-timeline's measuring and the browser's layout of 100 new items took 0.4-0.6 s of
// main thread on the benchmark (a day's 24 items: 0.09 s); 50 still fill the panel's height ("Load more": the rest).
export const FILTERED_PAGE = PAGE / 2;

// The window as query parameters for the API (each view adds limit/offset itself).
export function windowParams() {
  return { from: state.from, to: state.to };
}

// Zoomed out: a window holding more events than two pages (by the store's kept counts, which also count
// the merged mentions and the classes the timeline hides: the seed's 96 shown events are 108 there), with
// no actor, place, type or text filter, is drawn as counts per month or day (/timeline/counts), not as a
// page of its first events.
export const AGGREGATE_ABOVE = 2 * PAGE;

// Any filter but the window: the API's answers then list the events themselves.
export const filtered = (s) => Boolean(s.actor || s.place || s.type || s.text);
