// The network of actors and places in the window, drawn by sigma.js (WebGL) and laid out by
// ForceAtlas2 in a web worker. It is built from the page of events the timeline loaded (agent ->
// target, actor -> place, weighted by events), so it follows every filter the timeline does (the
// window, actor, place, type and free text, all the API's). Zoomed out, the timeline draws counts
// and loads no events: the network says so. Clicking a node filters the timeline and the map to it.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';

import { afterDrawn, drawing } from './drawn.js';
import { state, subscribe, update } from './state.js';

const COLORS = { actor: '#CC79A7', place: '#D55E00' }; // Okabe-Ito reddish purple, vermillion (as on the map)
const LAYOUT_MS = 2500;

function addEvent(graph, ev) {
  const node = (ref, kind) => {
    if (!graph.hasNode(ref.id)) graph.addNode(ref.id, { label: ref.label || ref.id, kind, events: 0 });
    graph.updateNodeAttribute(ref.id, 'events', (n) => n + 1);
  };
  const edge = (a, b) => {
    if (a === b) return;
    if (graph.hasEdge(a, b)) graph.updateEdgeAttribute(a, b, 'weight', (w) => w + 1);
    else graph.addEdge(a, b, { weight: 1 });
  };
  ev.actors.forEach((a) => node(a, 'actor'));
  if (ev.place) node(ev.place, 'place');
  const agents = ev.actors.filter((a) => a.role === 'agent');
  const targets = ev.actors.filter((a) => a.role !== 'agent');
  agents.forEach((a) => targets.forEach((t) => edge(a.id, t.id)));
  if (ev.place) ev.actors.forEach((a) => edge(a.id, ev.place.id));
}

// Nodes laid out before keep their place (a new window or a cleared filter mostly brings them back: the
// picture does not jump, and no layout runs unless some are new); new ones start on a circle (the same
// every time). Sizes and colours from the counts. Returns how many nodes are new.
// Sigma draws the labels of the biggest nodes of each part of the panel only; in a small network (a
// filter's few actors and places) that hid the label of a small node beside a big one, so there every
// label is drawn.
const ALL_LABELS_UP_TO = 60;
function dress(graph, before) {
  const n = graph.order;
  let i = 0;
  let added = 0;
  graph.forEachNode((id, attrs) => {
    const old = before.get(id);
    added += old ? 0 : 1;
    graph.mergeNodeAttributes(id, {
      x: old ? old.x : Math.cos((2 * Math.PI * i) / n), y: old ? old.y : Math.sin((2 * Math.PI * i) / n),
      size: 4 + 3 * Math.sqrt(attrs.events), color: COLORS[attrs.kind], forceLabel: n <= ALL_LABELS_UP_TO,
    });
    i += 1;
  });
  graph.forEachEdge((e, attrs) => graph.mergeEdgeAttributes(e, { size: Math.min(1 + attrs.weight / 2, 6), color: '#bbb' }));
  return added;
}

// A node's label goes to its right (sigma's place for it) unless it would run past the panel's right
// edge, then to its left: with few nodes (a narrow filter) the layout is stretched to the panel's
// edges and sigma's labels there were cut off. Where each label went is kept for tests.
function labelDrawer(width, boxes) {
  return (context, data, settings) => {
    if (!data.label) return;
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    context.fillStyle = settings.labelColor.color || '#000';
    const w = context.measureText(data.label).width;
    const right = data.x + data.size + 3;
    const x = right + w <= width() - 2 ? right : Math.max(2, data.x - data.size - 3 - w);
    context.fillText(data.label, x, data.y + size / 3);
    boxes.set(data.key, { x, width: w, y: data.y });
  };
}

export function mountNetwork(el, onError) {
  const graph = new Graph({ type: 'directed' });
  const labels = new Map(); // node id -> where its label was last drawn (viewport pixels)
  const renderer = new Sigma(graph, el, { renderEdgeLabels: false, labelRenderedSizeThreshold: 6,
    defaultEdgeType: 'arrow', labelFont: 'system-ui, sans-serif', zIndex: true,
    defaultDrawNodeLabel: labelDrawer(() => el.clientWidth, labels) });
  renderer.on('beforeRender', () => labels.clear());
  // zoomed out (no events loaded): what to do to see the network
  const hint = document.createElement('p');
  hint.className = 'graph-hint';
  hint.hidden = true;
  hint.textContent = 'The timeline shows counts at this zoom: zoom in (or filter) to draw the network of its events.';
  el.after(hint);
  let layout = null;
  let timer = null;
  let current = null; // the page the graph shows
  const placed = new Map(); // node id -> {x, y} where the last layout left it, kept across windows
  const remember = () => graph.forEachNode((id, { x, y }) => placed.set(id, { x, y }));
  const chosen = () => [state.actor, state.place].filter(Boolean).map((r) => r.id);

  renderer.setSetting('nodeReducer', (id, attrs) => {
    const on = chosen();
    if (!on.length) return attrs;
    if (on.includes(id)) return { ...attrs, highlighted: true, zIndex: 2 };
    const near = on.some((c) => graph.hasNode(c) && graph.areNeighbors(c, id));
    return near ? attrs : { ...attrs, color: '#e2e2e2', label: null, zIndex: 0 };
  });
  renderer.on('clickNode', ({ node }) => {
    const { kind, label } = graph.getNodeAttributes(node);
    const current = state[kind];
    update({ [kind]: current && current.id === node ? null : { id: node, label } }, 'network');
  });
  renderer.on('enterNode', () => { el.style.cursor = 'pointer'; });
  renderer.on('leaveNode', () => { el.style.cursor = ''; });

  function stopLayout() {
    clearTimeout(timer);
    if (layout) layout.kill();
    layout = null;
    remember();
    el.dataset.layout = 'done';
  }

  function build() {
    const events = state.page || [];
    hint.hidden = state.page !== null;
    current = events;
    stopLayout();
    // built aside, then swapped in whole: sigma draws on every change and needs x, y on each node
    const fresh = new Graph({ type: 'directed' });
    events.forEach((ev) => addEvent(fresh, ev));
    const added = dress(fresh, placed);
    graph.clear();
    graph.import(fresh.export());
    el.dataset.count = String(graph.order);
    if (graph.order > 1 && added > 0) {
      // the layout animates once every view has drawn: its worker and redraws would delay the others
      el.dataset.layout = 'running';
      const mine = events;
      afterDrawn(() => {
        if (mine !== current) return; // a newer build came meanwhile
        layout = new FA2Layout(graph, { settings: { ...forceAtlas2.inferSettings(graph), gravity: 1 } });
        layout.start();
        timer = setTimeout(stopLayout, added < graph.order / 2 ? LAYOUT_MS / 2 : LAYOUT_MS); // placed nodes settle sooner
      });
    }
    renderer.refresh();
  }
  const redraw = () => drawing(Promise.resolve().then(build).catch((e) => onError(`network: ${e.message}`)));

  subscribe((s, changed) => {
    if (changed.has('page')) redraw();
    else if (changed.has('actor') || changed.has('place')) drawing(renderer.refresh()); // marked before the page comes
  });
  // For tests and the console: where a node is drawn, in pixels from the container's corner.
  el.nodePosition = (id) => renderer.graphToViewport(graph.getNodeAttributes(id));
  el.labelBoxes = () => Object.fromEntries(labels);
  return { load: redraw };
}
