// The timeline: one item per event of the window (a page of the API's /timeline), coloured by
// CAMEO class; events dated only by their article are hatched. Zooming or dragging the axis
// sets the window the other views show.
import { DataSet, Timeline } from 'vis-timeline/standalone';

import { getJSON, latest } from './api.js';
import { classOf } from './cameo.js';
import { drawing } from './drawn.js';
import { PAGE, state, subscribe, update } from './state.js';


const day = (d) => d.toISOString().slice(0, 10);

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
    title: `${ev.date}${articleDated ? ' (article date)' : ''} \u2014 ${ev.type_label || 'no CAMEO type'}`,
  };
}

// Each item is a focusable button-like element carrying the event's REST id: Tab reaches it,
// Enter opens it, exactly as a click does.
function template(item) {
  const el = document.createElement('span');
  const ev = item.event;
  el.className = 'ev-label';
  el.textContent = ev.label || ev.trigger || ev.id;
  el.dataset.eventId = ev.id;
  el.tabIndex = 0;
  el.setAttribute('role', 'button');
  el.setAttribute('aria-label', `${ev.label || ev.trigger}, ${ev.date}` +
    `${ev.time_source === 'article' ? ', dated by the article' : ''}, ${ev.type_label || 'no CAMEO type'}`);
  return el;
}

function matches(ev, text) {
  if (!text) return true;
  const t = text.toLowerCase();
  return [ev.label, ev.trigger, ev.type_label, ev.place && ev.place.label, ...ev.actors.map((a) => a.label)]
    .some((s) => s && s.toLowerCase().includes(t));
}

export function mountTimeline(el, status) {
  const items = new DataSet();
  let loaded = []; // the events of the current window and filters (the API's pages so far)
  let next = null;
  const one = latest();
  const timeline = new Timeline(el, items, {
    height: '300px', verticalScroll: true, stack: true, zoomMin: 1000 * 60 * 60 * 24, template, showCurrentTime: false,
    selectable: true, tooltip: { followMouse: false }, margin: { item: { horizontal: 2, vertical: 4 } },
    orientation: { axis: 'top', item: 'top' },
  });

  // A new page replaces the items; a change of the free text only removes and adds the items it
  // hides or shows (vis-timeline lays out every item it is given again: redoing all of them is slow).
  const show = (fresh = true) => {
    const keep = loaded.filter((ev) => matches(ev, state.text));
    if (fresh) {
      items.clear();
      items.add(keep.map(itemOf));
    } else {
      const ids = new Set(keep.map((ev) => ev.id));
      items.remove(items.getIds().filter((id) => !ids.has(id)));
      items.add(keep.filter((ev) => !items.get(ev.id)).map(itemOf));
    }
    el.dataset.count = String(items.length);
    status(next === null ? `${loaded.length} events` : `${loaded.length} events shown (more in this window)`,
      next !== null);
  };

  async function load(append = false) {
    const params = { from: state.from, to: state.to, actor: state.actor && state.actor.id,
      place: state.place && state.place.id, type: state.type, limit: PAGE, offset: append ? next : 0 };
    const page = await one((signal) => getJSON('/api/v1/timeline', params, signal));
    if (!page) return;
    loaded = append ? loaded.concat(page.events) : page.events;
    next = page.next_offset;
    show();
    if (!state.from && !state.to && !append && items.length) timeline.fit({ animation: false });
  }

  timeline.on('rangechanged', (props) => {
    if (!props.byUser) return;
    update({ from: day(props.start), to: day(props.end) }, 'timeline');
  });
  el.addEventListener('click', (e) => {
    const target = e.target.closest('[data-event-id]');
    if (target) update({ selected: target.dataset.eventId }, 'timeline');
  });
  el.addEventListener('keydown', (e) => {
    const target = e.target.closest('[data-event-id]');
    if (target && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      update({ selected: target.dataset.eventId }, 'keyboard');
    }
  });

  subscribe((s, changed, source) => {
    if (changed.has('selected') && s.selected) timeline.setSelection([s.selected]);
    const refetch = ['from', 'to', 'actor', 'place', 'type'].some((k) => changed.has(k));
    if (refetch) drawing(load().catch((e) => status(`timeline: ${e.message}`, false, true)));
    else if (changed.has('text')) drawing(show(false));
    // the date inputs moved the window: move the axis too (the timeline's own moves are already there)
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
