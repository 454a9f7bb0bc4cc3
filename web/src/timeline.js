// The timeline: one item per event of the window (a page of the API's /timeline), coloured by
// CAMEO class; events dated only by their article are hatched. Zoomed out (a window that holds more
// events than AGGREGATE_ABOVE and no other filter), bars of the events per month or per day instead,
// from the store's kept counts (/timeline/counts): no page of the window's first events is asked for.
// Zooming or dragging the axis sets the window the other views show; a bar zooms to its month or day.
import { DataSet, Timeline } from 'vis-timeline/standalone';

import { getJSON, latest } from './api.js';
import { classOf } from './cameo.js';
import { drawing } from './drawn.js';
import { eventOfItem, groupsOf, lanesOf } from './lanes.js';
import { AGGREGATE_ABOVE, filtered, FILTERED_PAGE, PAGE, state, subscribe, update } from './state.js';


const day = (d) => d.toISOString().slice(0, 10);
const DAY_MS = 24 * 3600 * 1000;
const BY_DAY_UPTO = 92; // days: a window up to about a quarter is counted per day, a wider one per month
const utc = (iso) => new Date(`${iso}T00:00:00Z`);
const plusDays = (iso, n) => day(new Date(utc(iso).getTime() + n * DAY_MS));

// The days [first, last] a period of the counts covers ('2008-03' or '2008-03-15').
function daysOf(period) {
  if (period.length === 10) return [period, period];
  const [y, m] = period.split('-').map(Number);
  return [`${period}-01`, day(new Date(Date.UTC(y, m, 0)))];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const named = (period) => (period.length === 10 ? period : `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`);

// A period's bar: a background item (behind the axis, never stacked) whose height follows its count.
function barItem(p, max) {
  const [first, last] = daysOf(p.period);
  return { id: `period:${p.period}`, type: 'background', className: 'agg', start: first,
    end: plusDays(last, 1), period: p.period, events: p.events, max, first, last };
}

function bar(item) {
  const el = document.createElement('span');
  el.className = 'agg-bar';
  el.style.height = `${Math.max(3, Math.round((85 * item.events) / item.max))}%`;
  el.dataset.period = item.period;
  el.dataset.events = String(item.events);
  el.tabIndex = 0;
  el.setAttribute('role', 'button');
  const text = `${named(item.period)}: ${item.events.toLocaleString('en')} event${item.events === 1 ? '' : 's'}`;
  el.title = text;
  el.setAttribute('aria-label', `${text}; press Enter to zoom in`);
  return el;
}

function itemOf(ev) {
  const cls = classOf(ev.type);
  const articleDated = ev.time_source === 'article';
  const ranged = ev.date && ev.date.length < 10 && ev.begin && ev.end; // a month or a year: a bar over it
  return {
    id: ev.id,
    event: ev,
    start: ev.begin || ev.date,
    end: ranged ? ev.end : undefined,
    type: ranged ? 'range' : 'box',
    className: `ev ev-${cls.key}${articleDated ? ' ev-article' : ''}`,
    // an intention the text gives no time of has no date (null): placed on its article's day, said undated
    title: `${ev.date || 'undated'}${articleDated ? ' (article date)' : ''} \u2014 ${ev.type_label || 'no CAMEO type'}`,
  };
}

// Each item is a focusable button-like element carrying the event's REST id: Tab reaches it,
// Enter opens it, exactly as a click does.
function itemsOf(ev, group) {
  return lanesOf(ev, group).map(({ id, group: lane }) => ({ ...itemOf(ev), id, ...(lane === null ? {} : { group: lane }) }));
}

function template(item) {
  if (item.period) return bar(item);
  const el = document.createElement('span');
  const ev = item.event;
  el.className = 'ev-label';
  el.textContent = ev.label || ev.trigger || ev.id;
  el.dataset.eventId = ev.id;
  el.tabIndex = 0;
  el.setAttribute('role', 'button');
  el.setAttribute('aria-label', `${ev.label || ev.trigger}, ${ev.date || 'undated'}` +
    `${ev.time_source === 'article' ? ', dated by the article' : ''}, ${ev.type_label || 'no CAMEO type'}`);
  return el;
}

export function mountTimeline(el, status, lanes) {
  const items = new DataSet();
  let loaded = []; // the events of the current window and filters (the API's pages so far)
  let next = null;
  let bars = null; // the counts drawn instead of events (zoomed out), or null
  const one = latest();
  const timeline = new Timeline(el, items, {
    height: '300px', verticalScroll: true, stack: true, zoomMin: 1000 * 60 * 60 * 24, template, showCurrentTime: false,
    selectable: true, tooltip: { followMouse: false }, margin: { item: { horizontal: 2, vertical: 4 } },
    orientation: { axis: 'top', item: 'top' },
  });

  // A new page replaces the items that changed only (vis-timeline lays out every item it is given again:
  // redoing all of them is slow). Grouped, the lanes follow what is shown: every item is made again.
  const show = (fresh = false) => {
    el.dataset.mode = 'events';
    if (fresh || state.group || bars) {
      items.clear();
      timeline.setGroups(state.group ? new DataSet(groupsOf(loaded, state.group)) : null);
      items.add(loaded.flatMap((ev) => itemsOf(ev, state.group)));
    } else {
      const ids = new Set(loaded.map((ev) => ev.id));
      items.remove(items.getIds().filter((id) => !ids.has(id)));
      items.add(loaded.filter((ev) => !items.get(ev.id)).map(itemOf));
    }
    bars = null;
    if (state.selected) timeline.setSelection(items.getIds().filter((id) => eventOfItem(id) === state.selected));
    el.dataset.count = String(loaded.length);
    el.dataset.group = state.group;
    const shown = `${loaded.length} event${loaded.length === 1 ? '' : 's'}${state.text ? ` matching "${state.text}"` : ''}`;
    status(next === null ? shown : `${shown} (more in this window)`, next !== null);
  };

  // Zoomed out: one bar per month or day of the window, from the kept counts.
  const showCounts = (counts) => {
    const max = Math.max(1, ...counts.periods.map((p) => p.events));
    bars = counts;
    loaded = [];
    next = null;
    items.clear();
    timeline.setGroups(null);
    items.add(counts.periods.filter((p) => p.events > 0).map((p) => barItem(p, max)));
    el.dataset.mode = 'counts';
    el.dataset.count = '0';
    status(`${counts.events.toLocaleString('en')} events in this window, counted per ${counts.by}: zoom in ` +
      '(or choose a bar, or filter) to list them', false);
  };

  async function load(append = false) {
    const s = { ...state };
    if (!append && !filtered(s)) {
      const wide = !s.from || !s.to || (utc(s.to) - utc(s.from)) / DAY_MS + 1 > BY_DAY_UPTO;
      const by = wide ? 'month' : 'day';
      const counts = await one((signal) => getJSON('/api/v1/timeline/counts', { from: s.from, to: s.to, by }, signal));
      if (!counts) return;
      if (counts.events > AGGREGATE_ABOVE && counts.periods.filter((p) => p.events > 0).length > 1) {
        showCounts(counts);
        update({ page: null }, 'timeline');
        if (!s.from && !s.to) fitTo(counts.periods);
        return;
      }
    }
    // compact: no sentences and sources (two thirds of each page's bytes): the detail panel asks /events/{id}
    const params = { from: s.from, to: s.to, actor: s.actor && s.actor.id, place: s.place && s.place.id,
      type: s.type, q: s.text, limit: filtered(s) ? FILTERED_PAGE : PAGE, offset: append ? next : 0, compact: true };
    const page = await one((signal) => getJSON('/api/v1/timeline', params, signal));
    if (!page) return;
    loaded = append ? loaded.concat(page.events) : page.events;
    next = page.next_offset;
    show();
    update({ page: loaded }, 'timeline'); // the network draws from it
    if (!s.from && !s.to && !append && items.length) timeline.fit({ animation: false });
  }

  // the whole store, zoomed out: from its first period's first day to its last's last
  const fitTo = (periods) => {
    const shown = periods.filter((p) => p.events > 0);
    if (!shown.length) return;
    timeline.setWindow(daysOf(shown[0].period)[0], plusDays(daysOf(shown[shown.length - 1].period)[1], 1),
      { animation: false });
  };

  // a bar zooms the window to its month or day
  const zoomTo = (period, source) => {
    const [first, last] = daysOf(period);
    timeline.setWindow(first, `${last}T23:59:59`, { animation: false });
    update({ from: first, to: last }, source);
  };

  // the lanes control (none, actor, place): not a filter, so Clear leaves it
  lanes.addEventListener('change', () => update({ group: lanes.value }, 'timeline'));

  timeline.on('rangechanged', (props) => {
    if (!props.byUser) return;
    update({ from: day(props.start), to: day(props.end) }, 'timeline');
  });
  el.addEventListener('click', (e) => {
    const target = e.target.closest('[data-event-id]');
    const period = e.target.closest('[data-period]');
    if (target) update({ selected: target.dataset.eventId }, 'timeline');
    else if (period) zoomTo(period.dataset.period, 'timeline');
  });
  el.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const target = e.target.closest('[data-event-id]');
    const period = e.target.closest('[data-period]');
    if (target) {
      e.preventDefault();
      update({ selected: target.dataset.eventId }, 'keyboard');
    } else if (period) {
      e.preventDefault();
      zoomTo(period.dataset.period, 'keyboard');
    }
  });

  subscribe((s, changed, source) => {
    if (changed.has('selected') && s.selected) {
      timeline.setSelection(items.getIds().filter((id) => eventOfItem(id) === s.selected));
    }
    const refetch = ['from', 'to', 'actor', 'place', 'type', 'text'].some((k) => changed.has(k));
    if (refetch) drawing(load().catch((e) => status(`timeline: ${e.message}`, false, true)));
    else if (changed.has('group') && !bars) drawing(show(true));
    // the date inputs or a bar moved the window: move the axis too (the timeline's own moves are already there)
    if ((changed.has('from') || changed.has('to')) && source !== 'timeline' && s.from && s.to) {
      timeline.setWindow(s.from, `${s.to}T23:59:59`, { animation: false });
    }
  });

  return {
    load: () => drawing(load().catch((e) => status(`timeline: ${e.message}`, false, true))),
    more: () => drawing(load(true).catch((e) => status(`timeline: ${e.message}`, false, true))),
    focusItem: (id) => {
      const found = el.querySelector(`[data-event-id="${CSS.escape(id)}"]`);
      if (found) found.focus();
    },
  };
}
