// The analysts' page: a timeline, a map, a network and an event panel linked through one shared
// state (state.js), and a SPARQL editor; all of it from the REST API of the server that serves it.
import './style.css';

import { CLASSES } from './cameo.js';
import { mountDetail } from './detail.js';
import { drawing } from './drawn.js';
import { mountFilters } from './filters.js';
import { mountMap } from './map.js';
import { mountNetwork } from './network.js';
import { state, update } from './state.js';
import { mountTimeline } from './timeline.js';

const $ = (id) => document.getElementById(id);

function statusLine() {
  const el = $('status');
  const more = document.createElement('button');
  more.type = 'button';
  more.textContent = 'Load more';
  return {
    el,
    more,
    set(text, hasMore, error) {
      el.classList.toggle('error', Boolean(error));
      el.replaceChildren(text, ...(hasMore ? [' ', more] : []));
    },
  };
}

function legend() {
  $('legend').replaceChildren(...CLASSES.map((c) => {
    const li = document.createElement('li');
    li.innerHTML = `<span class="swatch ev-${c.key}" aria-hidden="true"></span>`;
    li.append(c.label);
    return li;
  }), Object.assign(document.createElement('li'), {
    innerHTML: '<span class="swatch ev-none ev-article" aria-hidden="true"></span>Hatched: dated only by the article',
  }));
}

function explore() {
  const status = statusLine();
  const placeLists = [];
  mountFilters($('filters'), (fn) => placeLists.push(fn));
  const timeline = mountTimeline($('timeline'), status.set);
  status.more.addEventListener('click', () => timeline.more());
  mountDetail($('event-detail'), () => state.selected && timeline.focusItem(state.selected));
  const warn = (text) => status.set(text, false, true);
  legend();
  // The map (Natural Earth's countries in SVG) and the network (a WebGL context, a layout worker) are
  // made after the timeline's first items are drawn: they would slow the first thing an analyst reads.
  const others = () => {
    const map = mountMap($('map'), (list) => placeLists.forEach((fn) => fn(list)), warn);
    const network = mountNetwork($('graph'), warn);
    return Promise.all([map.load(), network.load()]);
  };
  return { timeline, others };
}

const nextFrame = () => new Promise((resolve) => { requestAnimationFrame(() => setTimeout(resolve, 0)); });

// Yasgui is half of the page's code: its bundle is fetched only when the SPARQL tab first opens.
function loadSparql() {
  return new Promise((resolve, reject) => {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/static/sparql.css' }));
    const script = Object.assign(document.createElement('script'), { src: '/static/sparql.js' });
    script.onload = () => resolve(window.tkgSparql);
    script.onerror = () => reject(new Error('could not load the SPARQL editor'));
    document.head.append(script);
  });
}

// Each tab's views are made the first time it shows: sigma and Leaflet need a laid-out container.
const mounted = {};

function showTab(name, params) {
  for (const tab of document.querySelectorAll('.tabs [role=tab]')) {
    const on = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', String(on));
    $(tab.dataset.tab).hidden = !on;
  }
  if (mounted[name]) return;
  if (name === 'sparql') {
    const box = document.createElement('div'); // Yasgui takes over its element (and its id)
    $('sparql').append(box);
    mounted.sparql = loadSparql().then((s) => s.mountSparql(box, params.get('query')));
  } else {
    const views = explore();
    drawing(views.timeline.load().then(nextFrame).then(views.others)); // one drawing round for all three
    mounted.explore = views;
  }
}

function start() {
  const params = new URLSearchParams(window.location.search);
  showTab(params.get('tab') === 'sparql' ? 'sparql' : 'explore', params);
  for (const tab of document.querySelectorAll('.tabs [role=tab]')) {
    tab.addEventListener('click', (e) => {
      e.preventDefault();
      window.history.pushState(null, '', tab.href);
      showTab(tab.dataset.tab, new URLSearchParams());
    });
  }
  window.addEventListener('popstate', () => {
    const now = new URLSearchParams(window.location.search);
    showTab(now.get('tab') === 'sparql' ? 'sparql' : 'explore', now);
  });
  window.tkg = { state, update }; // for the console
}

start();
