// The timeline's lanes (#14: grouped by actor or by place on demand), apart from vis-timeline so
// that tests/js/lanes.mjs can check them with Node. No imports: that test loads this file alone.

// An event's lanes: each of its actors (an event of two actors shows in both lanes), or its place;
// '' where none is named; [null] ungrouped. Item ids: the event's REST id in its first lane, then
// `id#2`, `id#3`... for its copies.
export function lanesOf(ev, group) {
  let lanes = [null];
  if (group === 'actor') lanes = ev.actors.length ? [...new Set(ev.actors.map((a) => a.id))] : [''];
  if (group === 'place') lanes = [ev.place ? ev.place.id : ''];
  return lanes.map((lane, i) => ({ id: i ? `${ev.id}#${i + 1}` : ev.id, group: lane }));
}

export const eventOfItem = (itemId) => String(itemId).split('#')[0];

// The lanes of the shown events, the busiest first, then by name; '' (none named) last.
export function groupsOf(events, group) {
  const lanes = new Map();
  for (const ev of events) {
    const refs = group === 'actor' ? [...new Map(ev.actors.map((a) => [a.id, a])).values()] : [ev.place].filter(Boolean);
    for (const r of refs) lanes.set(r.id, { id: r.id, content: r.label || r.id, n: (lanes.get(r.id)?.n || 0) + 1 });
    if (!refs.length) lanes.set('', { id: '', content: `no ${group} named`, n: -1 });
  }
  const sorted = [...lanes.values()].sort((a, b) => b.n - a.n || String(a.content).localeCompare(b.content));
  return sorted.map((g, order) => ({ id: g.id, content: g.content, order, className: 'lane' }));
}
