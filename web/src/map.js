// The map: places with events in the window, as circles sized by their event count, over Natural
// Earth's countries (world-atlas, drawn here from TopoJSON: no tile server, nothing fetched).
// Clicking a place filters every view to it. It follows the window, the actor, the CAMEO type and
// the free text through the API (/places takes them all, and counts only the events they keep).
import 'leaflet/dist/leaflet.css';

import L from 'leaflet';
import { feature } from 'topojson-client';
import countries from 'world-atlas/countries-110m.json';

import { getJSON, latest } from './api.js';
import { drawing } from './drawn.js';
import { state, subscribe, update, windowParams } from './state.js';

const PAGE = 500; // the most-eventful places of the window; the API pages the rest

// areas follow counts, the busiest place of the answer at most 28 px across the radius (3 * sqrt(n) grew
// past the map itself on a 1M-quad store, where a place has thousands of events)
const radius = (n, max) => 4 + 24 * Math.sqrt(n / Math.max(max, 1));

export function mountMap(el, onPlaces, onError) {
  const map = L.map(el, { worldCopyJump: false, minZoom: 1, maxZoom: 10, zoomSnap: 0.5,
    attributionControl: true, preferCanvas: false }).setView([15, 0], 2);
  map.attributionControl.setPrefix(false).addAttribution('Natural Earth (world-atlas)');
  L.geoJSON(feature(countries, countries.objects.countries), {
    style: { color: '#9aa5ad', weight: 0.6, fillColor: '#f4f1ea', fillOpacity: 1 }, interactive: false,
  }).addTo(map);
  const layer = L.layerGroup().addTo(map);
  const one = latest();
  let fitted = false;

  function draw(features) {
    layer.clearLayers();
    const max = Math.max(0, ...features.map((f) => f.properties.events));
    for (const f of [...features].reverse()) { // the smallest last: on top, so each can be clicked
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      const selected = state.place && state.place.id === p.id;
      const circle = L.circleMarker([lat, lon], {
        radius: radius(p.events, max), weight: selected ? 3 : 1, color: selected ? '#000' : '#5a2a00',
        fillColor: '#D55E00', fillOpacity: selected ? 0.9 : 0.6, className: 'place-marker',
      }).bindTooltip(`${p.label}: ${p.events} event${p.events === 1 ? '' : 's'}`);
      circle.on('click', () => update({ place: selected ? null : { id: p.id, label: p.label } }, 'map'));
      circle.addTo(layer);
      const path = circle.getElement();
      path.dataset.placeId = p.id;
      path.setAttribute('aria-label', p.label);
    }
    el.dataset.count = String(features.length);
    if (!fitted && features.length) {
      map.fitBounds(L.latLngBounds(features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]])),
        { padding: [30, 30], maxZoom: 4 });
      fitted = true;
    }
  }

  // places the gazetteer could not locate: listed under the map, still a filter
  const unplaced = document.createElement('p');
  unplaced.className = 'unplaced';
  el.after(unplaced);
  function list(missing) {
    const buttons = missing.map((f) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'linkish';
      b.dataset.placeId = f.properties.id;
      b.textContent = `${f.properties.label} (${f.properties.events})`;
      b.addEventListener('click', () => update({ place: { id: f.properties.id, label: f.properties.label } }, 'map'));
      return b;
    });
    unplaced.replaceChildren(...(buttons.length ? ['Not on the map: '] : []),
      ...buttons.flatMap((b, i) => (i ? [', ', b] : [b])));
  }

  function show(all) {
    features = all.filter((f) => f.geometry && f.geometry.coordinates);
    draw(features);
    list(all.filter((f) => !(f.geometry && f.geometry.coordinates)));
  }

  let features = [];
  async function load() {
    const params = { ...windowParams(), actor: state.actor && state.actor.id, type: state.type, q: state.text,
      limit: PAGE };
    const body = await one((signal) => getJSON('/api/v1/places', params, signal));
    if (!body) return;
    show(body.features);
    // the place filter's choices: every place of the window, whatever the actor, type or text
    if (!state.actor && !state.type && !state.text) {
      onPlaces(body.features.map((f) => ({ id: f.properties.id, label: f.properties.label })));
    }
  }
  const reload = () => drawing(load().catch((e) => onError(`map: ${e.message}`)));

  subscribe((s, changed) => {
    if (['from', 'to', 'actor', 'type', 'text'].some((k) => changed.has(k))) reload();
    else if (changed.has('place')) drawing(draw(features));
  });
  // the panel may be laid out after the map is made
  new ResizeObserver(() => map.invalidateSize()).observe(el);
  return { load: reload };
}
