// The shared filters: date range, actor, place, CAMEO root, free text. Each writes the shared
// state; each follows it when another view (a click on the map, the network, the detail) sets it.
import { getJSON, latest } from './api.js';
import { ROOTS } from './cameo.js';
import { state, subscribe, update } from './state.js';

const FORM = `
  <label>From <input type="date" name="from"></label>
  <label>To <input type="date" name="to"></label>
  <label>Actor <input type="search" name="actor" list="actor-options" placeholder="any actor"></label>
  <datalist id="actor-options"></datalist>
  <label>Place <input type="search" name="place" list="place-options" placeholder="any place"></label>
  <datalist id="place-options"></datalist>
  <label>CAMEO type <select name="type"><option value="">any type</option>${
  ROOTS.map(([code, label]) => `<option value="${code}">${code} ${label}</option>`).join('')}</select></label>
  <label>Text <input type="search" name="text" placeholder="words in labels"></label>
  <button type="reset">Clear</button>`;

const TYPING_MS = 150;

// Options are {id, label}; the input shows labels, the state holds the id.
function picker(input, list, search) {
  let options = [];
  const one = latest();
  const fill = (found) => {
    options = found;
    list.replaceChildren(...found.map((o) => Object.assign(document.createElement('option'), { value: o.label })));
  };
  // typing asks the API for matching names (a short page), unless the text is already a choice
  input.addEventListener('input', () => {
    if (!search || !input.value || options.some((o) => o.label === input.value)) return;
    one((signal) => search(input.value, signal)).then((found) => found && fill(found)).catch(() => {});
  });
  return {
    fill,
    chosen: () => (input.value ? options.find((o) => o.label === input.value) || null : null),
  };
}

export function mountFilters(form, placesOf) {
  form.innerHTML = FORM;
  const f = form.elements;
  const actors = picker(f.actor, form.querySelector('#actor-options'), async (q, signal) => {
    const page = await getJSON('/api/v1/actors', { q, from: state.from, to: state.to, limit: 20 }, signal);
    return page.actors.map((a) => ({ id: a.id, label: a.label }));
  });
  const places = picker(f.place, form.querySelector('#place-options'), null);
  placesOf((list) => places.fill(list));

  const commit = (name) => {
    if (name === 'from' || name === 'to') {
      update({ from: f.from.value || null, to: f.to.value || null }, 'filters');
    } else if (name === 'actor') {
      const a = actors.chosen();
      if (a || !f.actor.value) update({ actor: a }, 'filters');
    } else if (name === 'place') {
      const p = places.chosen();
      if (p || !f.place.value) update({ place: p }, 'filters');
    } else if (name === 'type') {
      update({ type: f.type.value }, 'filters');
    }
  };
  form.addEventListener('change', (e) => commit(e.target.name));
  // free text is matched by the server (q=): asked once typing pauses, not at every key
  let typing = null;
  form.addEventListener('input', (e) => {
    if (e.target.name === 'text') {
      clearTimeout(typing);
      typing = setTimeout(() => update({ text: e.target.value.trim() }, 'filters'), TYPING_MS);
    }
    if (e.target.name === 'actor' || e.target.name === 'place') commit(e.target.name);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  // the browser empties the fields (no change events follow); the state follows here
  form.addEventListener('reset', () => {
    clearTimeout(typing);
    update({ from: null, to: null, actor: null, place: null, type: '', text: '' }, 'filters');
  });

  subscribe((s, changed, source) => {
    if (source === 'filters') return;
    if (changed.has('from')) f.from.value = s.from || '';
    if (changed.has('to')) f.to.value = s.to || '';
    if (changed.has('actor')) f.actor.value = s.actor ? s.actor.label : '';
    if (changed.has('place')) f.place.value = s.place ? s.place.label : '';
    if (changed.has('type')) f.type.value = s.type;
    if (changed.has('text')) f.text.value = s.text;
  });
}
