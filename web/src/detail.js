// The event detail panel: what the event is, when (with precision and where the date came from),
// who and where, and the sentence it was read from with the trigger word marked.
import { getJSON, latest } from './api.js';
import { classOf, DATE_SOURCES, precisionOf } from './cameo.js';
import { subscribe, update } from './state.js';

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c);
  return el;
}

// The sentence with the first whole-word occurrence of the trigger in <mark>.
function sentence(text, trigger) {
  const q = h('blockquote', { class: 'sentence' });
  const escaped = (trigger || '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = escaped ? new RegExp(`(^|[^\\p{L}\\p{N}])(${escaped})(?![\\p{L}\\p{N}])`, 'u').exec(text) : null;
  if (!m) {
    q.append(text);
    return q;
  }
  const at = m.index + m[1].length;
  q.append(text.slice(0, at), h('mark', { class: 'trigger' }, m[2]), text.slice(at + m[2].length));
  return q;
}

function filterButton(label, title, patch) {
  return h('button', { type: 'button', class: 'linkish', title, onclick: () => update(patch, 'detail') }, label);
}

function row(term, ...value) {
  return [h('dt', {}, term), h('dd', {}, ...value)];
}

function render(ev) {
  const cls = classOf(ev.type);
  const prov = ev.provenance || {};
  const art = prov.article || {};
  const src = DATE_SOURCES[ev.time_source] || ev.time_source || 'unknown';
  const actors = ev.actors.length
    ? h('ul', { class: 'actors' }, ev.actors.map((a) => h('li', {},
      filterButton(a.label, `Show ${a.label}'s events`, { actor: { id: a.id, label: a.label } }),
      ` (${a.role})`)))
    : 'none named';
  const place = ev.place
    ? filterButton(ev.place.label || ev.place.id, `Show events at ${ev.place.label}`,
      { place: { id: ev.place.id, label: ev.place.label } })
    : 'none named';
  return [
    h('h3', { class: 'ev-title' }, h('span', { class: `swatch ev-${cls.key}`, 'aria-hidden': 'true' }),
      ev.label || ev.trigger || ev.id),
    h('dl', {},
      row('CAMEO type', ev.type ? `${ev.type} ${ev.type_label || ''} (${cls.label})` : 'none'),
      row('Date', `${ev.date || 'unknown'} (precision: ${precisionOf(ev.date)}; from ${src})`),
      row('Actors', actors),
      row('Place', place),
      row('Modality', `${ev.modality || 'unknown'}, confidence ${ev.confidence ?? '?'}`),
      row('Article', `${art.title || art.id || 'unknown'}${art.issued ? ` (${art.issued.slice(0, 10)})` : ''}` +
        `${art.publisher ? `, ${art.publisher}` : ''}`)),
    prov.derived_from && prov.derived_from.text ? sentence(prov.derived_from.text, ev.trigger) : null,
    h('p', { class: 'ev-id' }, h('code', {}, ev.id)),
  ].filter(Boolean);
}

export function mountDetail(el, onBack) {
  const one = latest();
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') onBack();
  });
  subscribe(async (s, changed, source) => {
    if (!changed.has('selected') || !s.selected) return;
    el.setAttribute('aria-busy', 'true');
    try {
      const ev = await one((signal) => getJSON(`/api/v1/events/${s.selected}`, {}, signal));
      if (!ev) return;
      el.replaceChildren(...render(ev));
      el.dataset.eventId = ev.id;
      if (source === 'keyboard') el.focus();
    } catch (e) {
      el.replaceChildren(h('p', { class: 'error' }, `Could not load the event: ${e.message}`));
    } finally {
      el.removeAttribute('aria-busy');
    }
  });
}
